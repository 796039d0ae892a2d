import Decimal from 'decimal.js';
import { istDateString, type IstDate } from '../market/calendar/ist';
import { NSE_EQUITY_HOLIDAYS } from '../market/calendar/nse-holidays';
import { referencePrices } from './base-prices';
import { contractChain, type ContractSpec } from './contract-chain';
import { addMonths, fixedDateExchangeHolidays, lastWeekdayOfMonth, monthlyCode, TUESDAY, type YearMonth } from './expiry-calendar';
import { KiteInstrumentRowSchema, type KiteInstrument, type KiteInstrumentRow } from './schemas';

export const BUNDLED_UNDERLYINGS = ['NIFTY', 'BANKNIFTY', 'FINNIFTY', 'MIDCPNIFTY'] as const;
export type BundledUnderlying = (typeof BUNDLED_UNDERLYINGS)[number];

type Underlying = { symbol: BundledUnderlying; index: string; lot: number; stepPaise: number; side: number };

// Lot sizes from the Jan-2026 series revision (NSE/FAOP/70616). Options only on NIFTY and BANKNIFTY,
// nine strikes each; the money is the index's reference level in base-prices.json.
const UNDERLYINGS: readonly Underlying[] = [
  { symbol: 'NIFTY', index: 'NSE:NIFTY 50', lot: 65, stepPaise: 5_000, side: 4 },
  { symbol: 'BANKNIFTY', index: 'NSE:NIFTY BANK', lot: 30, stepPaise: 10_000, side: 4 },
  { symbol: 'FINNIFTY', index: 'NSE:NIFTY FIN SERVICE', lot: 60, stepPaise: 5_000, side: 0 },
  { symbol: 'MIDCPNIFTY', index: 'NSE:NIFTY MID SELECT', lot: 120, stepPaise: 2_500, side: 0 },
];

// Made-up NFO exchange tokens, one block per expiry month so that no two generated contracts ever
// share a token (expired ones stay in the master). Dec 2026 starts at 36100, the tokens the
// bundled CSV carried before contracts were generated.
const TOKEN_BLOCK = 40;
const FIRST_MONTH = 2026 * 12 + 11;
const FIRST_TOKEN = 36_100;
const NFO_SEGMENT_BYTE = 2;

function holidays(year: number): Set<string> {
  const out = fixedDateExchangeHolidays([year, year + 1]);
  for (const y of [year, year + 1]) for (const h of NSE_EQUITY_HOLIDAYS[y] ?? []) out.add(h.date);
  return out;
}

/** NSE monthly expiry of a month: its last Tuesday, moved back over exchange holidays. */
export function monthlyExpiry(ym: YearMonth): IstDate {
  return lastWeekdayOfMonth(ym, TUESDAY, holidays(ym.year));
}

/**
 * The near and next monthly expiries listed on an IST date. A contract still trades on its expiry
 * day, so the near month rolls over the day after.
 */
export function listedExpiries(today: IstDate): [IstDate, IstDate] {
  const thisMonth: YearMonth = { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
  const first = monthlyExpiry(thisMonth) >= today ? thisMonth : addMonths(thisMonth, 1);
  return [monthlyExpiry(first), monthlyExpiry(addMonths(first, 1))];
}

function spotPaise(index: string): number {
  const level = referencePrices.indices[index];
  if (level === undefined) throw new Error(`base-prices.json has no level for ${index}`);
  return new Decimal(level).mul(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}

/** Kite CSV rows of the bundled index F&O contracts listed on `today`: futures and options, near and next month. */
export function bundledDerivativeRows(today: IstDate): KiteInstrumentRow[] {
  const rows: KiteInstrumentRow[] = [];
  for (const expiry of listedExpiries(today)) {
    const month = Number(expiry.slice(0, 4)) * 12 + Number(expiry.slice(5, 7)) - 1;
    let exchangeToken = FIRST_TOKEN + (month - FIRST_MONTH) * TOKEN_BLOCK;
    if (exchangeToken < 1) throw new RangeError(`No bundled contracts for ${expiry}`);
    for (const u of UNDERLYINGS) {
      const spec: ContractSpec = { symbol: u.symbol, name: u.symbol, spotPaise: spotPaise(u.index), lot: u.lot, stepPaise: u.stepPaise, side: u.side };
      for (const r of contractChain('NFO', spec, expiry, monthlyCode(expiry), true)) {
        rows.push({ instrument_token: String(exchangeToken * 256 + NFO_SEGMENT_BYTE), exchange_token: String(exchangeToken), last_price: '0.0', ...r });
        exchangeToken++;
      }
    }
  }
  return rows;
}

/** The bundled F&O contracts listed on `today` (default: the IST date now), validated like an imported dump. */
export function bundledDerivatives(today: IstDate = istDateString(new Date())): KiteInstrument[] {
  return bundledDerivativeRows(today).map((r) => KiteInstrumentRowSchema.parse(r));
}

export type ContractRole = { underlying: BundledUnderlying; month?: 'near' | 'next'; today?: IstDate };

/** Kite symbol of a bundled future by role: `futureSymbol({ underlying: 'NIFTY' })` → "NIFTY26DECFUT" on 1 Dec 2026. */
export function futureSymbol({ underlying, month = 'near', today = istDateString(new Date()) }: ContractRole): string {
  return `${underlying}${monthlyCode(listedExpiries(today)[month === 'near' ? 0 : 1])}FUT`;
}

/** Kite symbol of a bundled option by role: NIFTY, 26500, CE → "NIFTY26DEC26500CE" on 1 Dec 2026. */
export function optionSymbol({ underlying, strike, type, month = 'near', today = istDateString(new Date()) }: ContractRole & { strike: number; type: 'CE' | 'PE' }): string {
  return `${underlying}${monthlyCode(listedExpiries(today)[month === 'near' ? 0 : 1])}${strike}${type}`;
}
