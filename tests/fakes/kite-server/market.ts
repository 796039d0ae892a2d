import Decimal from 'decimal.js';
import type { Instrument } from './instruments';
import { formatIstDateTime, istTimeOnDay } from './ist-time';

// Fallback levels the deterministic walk oscillates around when base-prices.json has none; others get a hash-derived price.
const BASE_PRICES: Record<string, number> = {
  'NSE:INFY': 1540,
  'NSE:RELIANCE': 1485,
  'NSE:TCS': 3120,
  'NSE:HDFCBANK': 985,
  'NSE:SBIN': 865,
  'NSE:ITC': 418,
  'NSE:ICICIBANK': 1390,
  'NSE:BHARTIARTL': 2050,
  'NSE:NIFTY 50': 25650,
  'NSE:NIFTY BANK': 57800,
  'BSE:SBIN': 865.4,
  'BSE:SENSEX': 83900,
};

export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

const keyOf = (instrument: Instrument) => `${instrument.exchange}:${instrument.tradingsymbol}`;

export const isIndex = (instrument: Instrument) => instrument.segment === 'INDICES';

export function tickOf(instrument: Instrument): number {
  return instrument.tickSize > 0 ? instrument.tickSize : 0.05;
}

export function roundToTick(price: Decimal.Value, tick: number): number {
  const step = new Decimal(tick);
  return new Decimal(price).div(step).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).mul(step).toNumber();
}

function basePrice(instrument: Instrument): number {
  if (instrument.referencePrice !== undefined) return instrument.referencePrice;
  const known = BASE_PRICES[keyOf(instrument)];
  if (known !== undefined) return known;
  if (instrument.instrumentType === 'FUT' && instrument.name === 'NIFTY') return (BASE_PRICES['NSE:NIFTY 50'] ?? 0) * 1.004;
  if (instrument.lastPrice > 0) return instrument.lastPrice;
  return 100 + (hashString(keyOf(instrument)) % 4900);
}

/** Deterministic in (instrument, instant): three sine waves of different periods, ±~1.7% around base. */
export function priceAt(instrument: Instrument, instant: Date): number {
  const seconds = instant.getTime() / 1000;
  const hash = hashString(keyOf(instrument));
  const phaseA = ((hash % 1000) / 1000) * 2 * Math.PI;
  const phaseB = (((hash >>> 10) % 1000) / 1000) * 2 * Math.PI;
  const drift =
    0.012 * Math.sin((2 * Math.PI * seconds) / (6 * 3600) + phaseA) +
    0.004 * Math.sin((2 * Math.PI * seconds) / (7 * 60) + phaseB) +
    0.001 * Math.sin((2 * Math.PI * seconds) / 37 + 3 * phaseA);
  return roundToTick(basePrice(instrument) * (1 + drift), tickOf(instrument));
}

/** Previous session's close: the price at 15:30 IST the day before. */
export function closePrice(instrument: Instrument, now: Date): number {
  return priceAt(instrument, istTimeOnDay(now, 15, 30, 0, -1));
}

export type DayOhlc = { open: number; high: number; low: number; close: number };

export function dayOhlc(instrument: Instrument, now: Date): DayOhlc & { last: number } {
  const marketOpen = istTimeOnDay(now, 9, 15);
  const start = now.getTime() >= marketOpen.getTime() ? marketOpen : istTimeOnDay(now, 0);
  const last = priceAt(instrument, now);
  let high = last;
  let low = last;
  for (let t = start.getTime(); t < now.getTime(); t += 5 * 60 * 1000) {
    const sample = priceAt(instrument, new Date(t));
    high = Math.max(high, sample);
    low = Math.min(low, sample);
  }
  return { open: priceAt(instrument, start), high, low, close: closePrice(instrument, now), last };
}

export function ltpQuote(instrument: Instrument, now: Date) {
  return { instrument_token: instrument.instrumentToken, last_price: priceAt(instrument, now) };
}

export function ohlcQuote(instrument: Instrument, now: Date) {
  const { open, high, low, close, last } = dayOhlc(instrument, now);
  return { instrument_token: instrument.instrumentToken, last_price: last, ohlc: { open, high, low, close } };
}

function sessionFraction(now: Date): number {
  const open = istTimeOnDay(now, 9, 15).getTime();
  const close = istTimeOnDay(now, 15, 30).getTime();
  return Math.min(1, Math.max(0.02, (now.getTime() - open) / (close - open)));
}

export function fullQuote(instrument: Instrument, now: Date) {
  const { open, high, low, close, last } = dayOhlc(instrument, now);
  const tick = tickOf(instrument);
  const hash = hashString(`${keyOf(instrument)}:${Math.floor(now.getTime() / 1000)}`);
  const index = isIndex(instrument);
  const level = (side: 1 | -1, depth: number) =>
    index
      ? { price: 0, quantity: 0, orders: 0 }
      : {
          price: roundToTick(new Decimal(last).plus(new Decimal(tick).mul(side * depth)), tick),
          quantity: 1 + ((hash >>> (depth + (side > 0 ? 7 : 0))) % 900),
          orders: 1 + ((hash >>> (depth + (side > 0 ? 11 : 3))) % 25),
        };
  const volume = index ? 0 : Math.round((200_000 + (hashString(keyOf(instrument)) % 9_800_000)) * sessionFraction(now));
  return {
    instrument_token: instrument.instrumentToken,
    timestamp: formatIstDateTime(now),
    last_trade_time: formatIstDateTime(new Date(now.getTime() - (hash % 5) * 1000)),
    last_price: last,
    last_quantity: index ? 0 : 1 + (hash % 50),
    buy_quantity: index ? 0 : 50_000 + (hash % 400_000),
    sell_quantity: index ? 0 : 50_000 + ((hash >>> 8) % 400_000),
    volume,
    average_price: index ? 0 : roundToTick(new Decimal(open).plus(high).plus(low).plus(last).div(4), tick),
    oi: 0,
    oi_day_high: 0,
    oi_day_low: 0,
    net_change: new Decimal(last).minus(close).toNumber(),
    lower_circuit_limit: index ? 0 : roundToTick(new Decimal(close).mul(0.9), tick),
    upper_circuit_limit: index ? 0 : roundToTick(new Decimal(close).mul(1.1), tick),
    ohlc: { open, high, low, close },
    depth: {
      buy: [0, 1, 2, 3, 4].map((d) => level(-1, d)),
      sell: [1, 2, 3, 4, 5].map((d) => level(1, d)),
    },
  };
}
