import { assertIstDate, istDateString, type IstDate } from '@/lib/market/calendar/ist';

// Zerodha's charges for NSE/BSE equity and equity F&O, versioned by the IST trade date they
// apply from. Every figure is a decimal string in percent of turnover (options: of premium
// turnover) unless named otherwise, exactly as the broker publishes them, so a table can be
// checked line by line against zerodha.com/charges. To change a rate, append a new version;
// never edit a version that fills have already been charged with (fills store its id).
//
// Sources: shared/docs/paper-trading.md §4.2 (Zerodha support articles, NSE/BSE circulars,
// Budget 2024 and Budget 2026 STT changes). Re-check before relying on them.

export type ChargeVenue = 'NSE' | 'BSE';
export type ChargeCategory = 'delivery' | 'intraday' | 'futures' | 'options';

export type BrokerageRule =
  | { kind: 'free' }
  /** `pct` of turnover, capped at `cap` rupees per executed order. */
  | { kind: 'percentCapped'; pct: string; cap: string }
  /** `amount` rupees per executed order. */
  | { kind: 'flat'; amount: string };

export type CategoryRates = {
  brokerage: BrokerageRule;
  sttBuyPct: string;
  sttSellPct: string;
  /** Buy side only (Indian Stamp Act as amended 2020). */
  stampBuyPct: string;
  /** Exchange transaction charge. */
  exchangeTxnPct: Record<ChargeVenue, string>;
  /**
   * Investor Protection Fund Trust levy. We add it to the exchange transaction charge and report
   * the sum as `exchange_turnover_charge` (GST applies to it the same way). BSE's equivalent is
   * not published separately on Zerodha's pages and is taken as included in BSE's rate.
   */
  ipftPct: Record<ChargeVenue, string>;
};

export type RateTable = {
  id: string;
  /** First IST trade date the table applies to. */
  effectiveFrom: IstDate;
  categories: Record<ChargeCategory, CategoryRates>;
  /** SEBI turnover fee: ₹10 per crore = 0.0001%. */
  sebiPct: string;
  /** GST on brokerage, exchange charges, SEBI fee, DP and auto square-off charges. */
  gstPct: string;
  /** STT on the intrinsic value of long options exercised at expiry. */
  exercisedOptionSttPct: string;
  /** Rupees per order squared off by Zerodha's RMS, before GST. */
  autoSquareOffCharge: string;
  /** Rupees per scrip per day debited from demat on delivery sells, before GST. */
  dpChargePerScrip: string;
};

const EQUITY_EXCHANGE = { NSE: '0.00297', BSE: '0.00375' };
const EQUITY_IPFT = { NSE: '0.0001', BSE: '0' };

// In force from 1 Oct 2024: Budget 2024 STT on F&O (futures 0.02%, options 0.1%) and the
// exchanges' flat "true to label" transaction charges.
const ZERODHA_2024_10_01: RateTable = {
  id: 'zerodha-2024-10-01',
  effectiveFrom: '2024-10-01',
  categories: {
    delivery: {
      brokerage: { kind: 'free' },
      sttBuyPct: '0.1',
      sttSellPct: '0.1',
      stampBuyPct: '0.015',
      exchangeTxnPct: EQUITY_EXCHANGE,
      ipftPct: EQUITY_IPFT,
    },
    intraday: {
      brokerage: { kind: 'percentCapped', pct: '0.03', cap: '20' },
      sttBuyPct: '0',
      sttSellPct: '0.025',
      stampBuyPct: '0.003',
      exchangeTxnPct: EQUITY_EXCHANGE,
      ipftPct: EQUITY_IPFT,
    },
    futures: {
      brokerage: { kind: 'percentCapped', pct: '0.03', cap: '20' },
      sttBuyPct: '0',
      sttSellPct: '0.02',
      stampBuyPct: '0.002',
      exchangeTxnPct: { NSE: '0.00173', BSE: '0' },
      ipftPct: { NSE: '0.0001', BSE: '0' },
    },
    options: {
      brokerage: { kind: 'flat', amount: '20' },
      sttBuyPct: '0',
      sttSellPct: '0.1',
      stampBuyPct: '0.003',
      exchangeTxnPct: { NSE: '0.03503', BSE: '0.0325' },
      ipftPct: { NSE: '0.0005', BSE: '0' },
    },
  },
  sebiPct: '0.0001',
  gstPct: '18',
  exercisedOptionSttPct: '0.125',
  autoSquareOffCharge: '50',
  dpChargePerScrip: '13.5',
};

// Budget 2026: STT on futures 0.02% → 0.05%, on option premium 0.1% → 0.15%, on exercised
// options 0.125% → 0.15% of intrinsic value, for trades on or after 1 Apr 2026.
const ZERODHA_2026_04_01: RateTable = {
  ...ZERODHA_2024_10_01,
  id: 'zerodha-2026-04-01',
  effectiveFrom: '2026-04-01',
  categories: {
    ...ZERODHA_2024_10_01.categories,
    futures: { ...ZERODHA_2024_10_01.categories.futures, sttSellPct: '0.05' },
    options: { ...ZERODHA_2024_10_01.categories.options, sttSellPct: '0.15' },
  },
  exercisedOptionSttPct: '0.15',
};

/** Every version, oldest first. */
export const RATE_TABLES: readonly RateTable[] = [ZERODHA_2024_10_01, ZERODHA_2026_04_01];

/**
 * The rate table in force on a trade's IST date. Pass the fill instant (a Date) or its IST date
 * ('YYYY-MM-DD'); a Date is converted to IST first, so 00:10 IST on 1 Apr 2026 (18:40 UTC on
 * 31 Mar) already gets the April rates.
 */
export function rateTableFor(tradeDate: Date | IstDate): RateTable {
  const day = typeof tradeDate === 'string' ? assertIstDate(tradeDate) : istDateString(tradeDate);
  let found: RateTable | undefined;
  for (const table of RATE_TABLES) {
    if (table.effectiveFrom <= day) found = table;
  }
  if (!found) {
    throw new RangeError(`No charge rates before ${RATE_TABLES[0]?.effectiveFrom ?? 'the first table'} (asked for ${day})`);
  }
  return found;
}

/** A rate table by id, for re-deriving a stored fill's charges. */
export function rateTableById(id: string): RateTable | undefined {
  return RATE_TABLES.find((table) => table.id === id);
}
