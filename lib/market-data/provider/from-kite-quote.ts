import { Decimal } from 'decimal.js';
import { kiteTimestampToDate } from '@/lib/market/calendar';
import type { DepthLevel, Quote } from '@/lib/market-data/quote';

type KiteLevel = { price: number; quantity: number; orders: number };
export type KiteQuoteLike = {
  last_price: number;
  timestamp?: string | null | undefined;
  ohlc?: { open: number; high: number; low: number; close: number } | undefined;
  depth?: { buy: KiteLevel[]; sell: KiteLevel[] } | undefined;
  volume?: unknown;
};

// JSON numbers from Kite become decimal strings at the edge; Decimal prints the shortest exact form.
const price = (value: number) => new Decimal(value).toFixed();

/**
 * One quote from Kite's /quote in our Quote shape, labelled source 'kite'. Bid and ask come from
 * the best real depth levels (Kite pads with zero rows), or null when that side is empty; the
 * time is Kite's own quote timestamp (IST), so stale quotes are recognised as such.
 */
export function fromKiteQuote(key: string, raw: KiteQuoteLike, fetchedAt: Date): Quote | null {
  if (!Number.isFinite(raw.last_price) || raw.last_price < 0) return null;
  const real = (levels: KiteLevel[] | undefined): DepthLevel[] =>
    (levels ?? [])
      .filter((level) => level.price > 0 && level.quantity > 0)
      .slice(0, 20)
      .map((level) => ({ price: price(level.price), quantity: Math.trunc(level.quantity), orders: Math.max(0, Math.trunc(level.orders)) }));
  const buy = real(raw.depth?.buy);
  const sell = real(raw.depth?.sell);
  let timestamp = fetchedAt;
  if (raw.timestamp) {
    try {
      timestamp = kiteTimestampToDate(raw.timestamp);
    } catch {
      timestamp = fetchedAt;
    }
  }
  const ltp = price(raw.last_price);
  const ohlc = raw.ohlc ? { open: price(raw.ohlc.open), high: price(raw.ohlc.high), low: price(raw.ohlc.low), close: price(raw.ohlc.close) } : { open: ltp, high: ltp, low: ltp, close: ltp };
  return {
    instrument: key,
    lastPrice: ltp,
    bid: buy[0]?.price ?? null,
    ask: sell[0]?.price ?? null,
    ...(raw.depth !== undefined && { depth: { buy, sell } }),
    ohlc,
    ...(typeof raw.volume === 'number' && Number.isSafeInteger(raw.volume) && raw.volume >= 0 && { volume: raw.volume }),
    timestamp,
    source: 'kite',
  };
}
