import { contractChain, type ContractSpec, type DerivativeSegment } from './contract-chain';
import { formatKiteCsvRow, formatKiteDecimal, KITE_CSV_HEADER } from './csv-format';
import {
  addMonths,
  fixedDateExchangeHolidays,
  lastWeekdayOfMonth,
  monthlyCode,
  previousTradingDay,
  THURSDAY,
  TUESDAY,
  weeklyCode,
  weeklyExpiries,
  type YearMonth,
} from './expiry-calendar';
import type { KiteInstrumentRow } from './schemas';
import { equityTickPaise, seededRandom, stockLotSize, strikeStepPaise, syntheticEquities } from './synthetic-equities';

export type SyntheticCsvOptions = {
  /** Exact number of data rows (header excluded). */
  rows?: number;
  seed?: number;
  /** First trading day the contracts are listed from, yyyy-mm-dd. */
  startDate?: string;
  lineEnding?: '\r\n' | '\n';
};

// Low byte of a Kite instrument_token names the exchange segment; exchange_token is the rest.
const SEGMENT_BYTE = { NSE: 1, NFO: 2, CDS: 3, BSE: 4, BFO: 5, MCX: 7, INDICES: 9 } as const;
type SegmentKey = keyof typeof SEGMENT_BYTE;

const NSE_INDEX_FNO: ContractSpec[] = [
  { symbol: 'NIFTY', name: 'NIFTY', spotPaise: 2_650_000, lot: 65, stepPaise: 5_000, side: 60 },
  { symbol: 'BANKNIFTY', name: 'BANKNIFTY', spotPaise: 6_000_000, lot: 30, stepPaise: 10_000, side: 50 },
  { symbol: 'FINNIFTY', name: 'FINNIFTY', spotPaise: 2_800_000, lot: 60, stepPaise: 5_000, side: 40 },
  { symbol: 'MIDCPNIFTY', name: 'MIDCPNIFTY', spotPaise: 1_350_000, lot: 120, stepPaise: 2_500, side: 40 },
  { symbol: 'NIFTYNXT50', name: 'NIFTYNXT50', spotPaise: 7_000_000, lot: 25, stepPaise: 10_000, side: 30 },
];
const BSE_INDEX_FNO: ContractSpec[] = [
  { symbol: 'SENSEX', name: 'SENSEX', spotPaise: 8_650_000, lot: 20, stepPaise: 10_000, side: 50 },
  { symbol: 'BANKEX', name: 'BANKEX', spotPaise: 6_600_000, lot: 30, stepPaise: 10_000, side: 30 },
];
const MCX: ContractSpec[] = [
  { symbol: 'CRUDEOIL', name: 'CRUDEOIL', spotPaise: 600_000, lot: 100, stepPaise: 5_000, side: 20, tickPaise: 100 },
  { symbol: 'CRUDEOILM', name: 'CRUDEOILM', spotPaise: 600_000, lot: 10, stepPaise: 5_000, side: 0, tickPaise: 100 },
  { symbol: 'NATURALGAS', name: 'NATURALGAS', spotPaise: 30_000, lot: 1250, stepPaise: 500, side: 20, tickPaise: 10 },
  { symbol: 'GOLD', name: 'GOLD', spotPaise: 13_000_000, lot: 100, stepPaise: 50_000, side: 20, tickPaise: 100 },
  { symbol: 'GOLDM', name: 'GOLDM', spotPaise: 13_000_000, lot: 10, stepPaise: 50_000, side: 0, tickPaise: 100 },
  { symbol: 'SILVER', name: 'SILVER', spotPaise: 15_000_000, lot: 30, stepPaise: 50_000, side: 20, tickPaise: 100 },
  { symbol: 'SILVERM', name: 'SILVERM', spotPaise: 15_000_000, lot: 5, stepPaise: 50_000, side: 0, tickPaise: 100 },
  { symbol: 'COPPER', name: 'COPPER', spotPaise: 90_000, lot: 2500, stepPaise: 500, side: 0, tickPaise: 5 },
  { symbol: 'ZINC', name: 'ZINC', spotPaise: 27_000, lot: 5000, stepPaise: 100, side: 0, tickPaise: 5 },
];
// Currency pairs quote in rupees with 4 decimals; spot/step here are in 1/10,000 rupee.
const CDS: ContractSpec[] = [
  { symbol: 'USDINR', name: 'USDINR', spotPaise: 855_000, lot: 1, stepPaise: 2_500, side: 20 },
  { symbol: 'EURINR', name: 'EURINR', spotPaise: 990_000, lot: 1, stepPaise: 2_500, side: 0 },
  { symbol: 'GBPINR', name: 'GBPINR', spotPaise: 1_140_000, lot: 1, stepPaise: 2_500, side: 0 },
  { symbol: 'JPYINR', name: 'JPYINR', spotPaise: 570_000, lot: 1, stepPaise: 2_500, side: 0 },
];
const NSE_INDICES = ['NIFTY 50', 'NIFTY BANK', 'NIFTY FIN SERVICE', 'NIFTY MID SELECT', 'NIFTY NEXT 50', 'INDIA VIX', 'NIFTY IT', 'NIFTY AUTO', 'NIFTY PHARMA', 'NIFTY METAL'];
const BSE_INDICES = ['SENSEX', 'BANKEX', 'SENSEX50'];

/** Deterministic synthetic Kite instrument master rows, exactly `rows` of them (default 100,000). */
export function* syntheticInstrumentRows(options: SyntheticCsvOptions = {}): Generator<KiteInstrumentRow> {
  const target = options.rows ?? 100_000;
  let emitted = 0;
  for (const row of allRows(options)) {
    if (emitted >= target) return;
    emitted++;
    yield row;
  }
}

function* allRows(options: SyntheticCsvOptions): Generator<KiteInstrumentRow> {
  const rand = seededRandom(options.seed ?? 42);
  const start = options.startDate ?? '2026-12-01';
  const startYm: YearMonth = { year: Number(start.slice(0, 4)), month: Number(start.slice(5, 7)) };
  const holidays = fixedDateExchangeHolidays(Array.from({ length: 12 }, (_, i) => startYm.year + i));
  // Ranges sit far above real Kite exchange tokens so synthetic rows never alias the bundled master.
  const nextEt: Record<SegmentKey, number> = {
    NSE: 700_000, NFO: 2_000_000, CDS: 5_000_000, BSE: 1_500_000, BFO: 3_000_000, MCX: 4_000_000, INDICES: 6_000,
  };
  const row = (seg: SegmentKey, r: Omit<KiteInstrumentRow, 'instrument_token' | 'exchange_token' | 'last_price'>): KiteInstrumentRow => {
    const et = nextEt[seg]++;
    return { instrument_token: String(et * 256 + SEGMENT_BYTE[seg]), exchange_token: String(et), last_price: '0.0', ...r };
  };
  const eq = { expiry: '', strike: '0.0', lot_size: '1', instrument_type: 'EQ' };

  for (const s of NSE_INDICES) yield row('INDICES', { ...eq, tradingsymbol: s, name: s, tick_size: '0.0', lot_size: '0', segment: 'INDICES', exchange: 'NSE' });
  for (const s of BSE_INDICES) yield row('INDICES', { ...eq, tradingsymbol: s, name: s, tick_size: '0.0', lot_size: '0', segment: 'INDICES', exchange: 'BSE' });

  const equities = syntheticEquities(4_100, rand);
  const nse = equities.slice(0, 2_600);
  for (const e of nse) {
    const tick = formatKiteDecimal(equityTickPaise(e.pricePaise), 2);
    yield row('NSE', { ...eq, tradingsymbol: e.symbol, name: e.name, tick_size: tick, segment: 'NSE', exchange: 'NSE' });
    if (rand() < 0.05) yield row('NSE', { ...eq, tradingsymbol: `${e.symbol}-BE`, name: e.name, tick_size: tick, segment: 'NSE', exchange: 'NSE' });
  }
  for (const e of [...equities.slice(0, 1_800), ...equities.slice(2_600)]) {
    const tick = formatKiteDecimal(equityTickPaise(e.pricePaise), 2);
    yield row('BSE', { ...eq, tradingsymbol: e.symbol, name: e.name, tick_size: tick, segment: 'BSE', exchange: 'BSE' });
  }

  const monthly = (ym: YearMonth, weekday: number) => lastWeekdayOfMonth(ym, weekday, holidays);
  const months = (n: number, weekday: number) => Array.from({ length: n }, (_, i) => monthly(addMonths(startYm, i), weekday));

  function* chain(seg: DerivativeSegment, spec: ContractSpec, expiry: string, code: string, futures: boolean, scale = 2) {
    for (const r of contractChain(seg, spec, expiry, code, futures, scale)) yield row(seg, r);
  }

  for (const spec of NSE_INDEX_FNO) {
    const monthlyExp = months(3, TUESDAY);
    for (const exp of monthlyExp) yield* chain('NFO', spec, exp, monthlyCode(exp), true);
    if (spec.symbol === 'NIFTY') {
      // Only NIFTY keeps weekly contracts on NSE; the week that is also the monthly uses the monthly name.
      const weeks = weeklyExpiries(start, TUESDAY, 5, holidays).filter((d) => !monthlyExp.includes(d));
      for (const exp of weeks) yield* chain('NFO', spec, exp, weeklyCode(exp), false);
    }
  }
  for (const spec of BSE_INDEX_FNO) {
    const monthlyExp = months(2, THURSDAY);
    for (const exp of monthlyExp) yield* chain('BFO', spec, exp, monthlyCode(exp), true);
    if (spec.symbol === 'SENSEX') {
      for (const exp of weeklyExpiries(start, THURSDAY, 4, holidays).filter((d) => !monthlyExp.includes(d))) {
        yield* chain('BFO', spec, exp, weeklyCode(exp), false);
      }
    }
  }
  for (const spec of MCX) {
    for (let i = 0; i < 3; i++) {
      const ym = addMonths(startYm, i);
      const exp = previousTradingDay(`${ym.year}-${String(ym.month).padStart(2, '0')}-19`, holidays);
      yield* chain('MCX', { ...spec, side: i < 2 ? spec.side : 0 }, exp, monthlyCode(exp), true);
    }
  }
  for (const spec of CDS) {
    for (let i = 0; i < 3; i++) {
      const last = previousTradingDay(monthly(addMonths(startYm, i), 5), holidays);
      const exp = previousTradingDay(`${last.slice(0, 8)}${String(Number(last.slice(8)) - 2).padStart(2, '0')}`, holidays);
      yield* chain('CDS', { ...spec, side: i < 2 ? spec.side : 0 }, exp, monthlyCode(exp), true, 4);
    }
  }

  // Stock F&O fills the rest: month after month of chains until the caller's row budget runs out.
  const underlyings = nse.filter((e) => e.pricePaise >= 10_000).slice(0, 200);
  if (underlyings.length === 0) return;
  for (let m = 0; ; m++) {
    const exp = monthly(addMonths(startYm, m), TUESDAY);
    for (const [i, u] of underlyings.entries()) {
      const spec: ContractSpec = {
        symbol: u.symbol, name: u.symbol, spotPaise: u.pricePaise, lot: stockLotSize(u.pricePaise),
        stepPaise: strikeStepPaise(u.pricePaise), side: 20 + (i % 3) * 10, tickPaise: equityTickPaise(u.pricePaise),
      };
      yield* chain('NFO', spec, exp, monthlyCode(exp), true);
    }
  }
}

/** The synthetic master as CSV text chunks: header first, then ~1,000 rows per chunk. */
export function* syntheticInstrumentsCsv(options: SyntheticCsvOptions = {}): Generator<string> {
  const eol = options.lineEnding ?? '\r\n';
  yield KITE_CSV_HEADER + eol;
  let lines: string[] = [];
  for (const r of syntheticInstrumentRows(options)) {
    lines.push(formatKiteCsvRow(r));
    if (lines.length === 1_000) {
      yield lines.join(eol) + eol;
      lines = [];
    }
  }
  if (lines.length > 0) yield lines.join(eol) + eol;
}
