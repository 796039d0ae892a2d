import { describe, expect, it } from 'vitest';
import { isFresh, quoteSchema } from './quote';

const kiteLike = {
  instrument: 'NSE:INFY',
  lastPrice: '1412.95',
  bid: '1412.90',
  ask: '1412.95',
  depth: {
    buy: [{ price: '1412.90', quantity: 10, orders: 2 }],
    sell: [{ price: '1412.95', quantity: 5191, orders: 13 }],
  },
  ohlc: { open: '1396', high: '1421.75', low: '1395.55', close: '1389.65' },
  volume: 7360198,
  timestamp: '2021-06-08T10:15:56.000Z',
  source: 'kite',
};

describe('quoteSchema', () => {
  it('parses a Kite-shaped quote and turns the timestamp into a Date', () => {
    const quote = quoteSchema.parse(kiteLike);
    expect(quote.timestamp).toEqual(new Date('2021-06-08T10:15:56.000Z'));
    expect(quote.depth?.sell[0]?.quantity).toBe(5191);
  });

  it('accepts symbols with spaces, & and -, and an empty side as null', () => {
    expect(quoteSchema.safeParse({ ...kiteLike, instrument: 'NSE:M&M', bid: null }).success).toBe(true);
    expect(quoteSchema.safeParse({ ...kiteLike, instrument: 'NSE:NIFTY 50' }).success).toBe(true);
    expect(quoteSchema.safeParse({ ...kiteLike, instrument: 'NSE:BAJAJ-AUTO' }).success).toBe(true);
  });

  it('rejects float prices, malformed instruments and unknown sources', () => {
    expect(quoteSchema.safeParse({ ...kiteLike, lastPrice: 1412.95 }).success).toBe(false);
    expect(quoteSchema.safeParse({ ...kiteLike, lastPrice: '-1' }).success).toBe(false);
    expect(quoteSchema.safeParse({ ...kiteLike, lastPrice: '1e3' }).success).toBe(false);
    expect(quoteSchema.safeParse({ ...kiteLike, instrument: 'INFY' }).success).toBe(false);
    expect(quoteSchema.safeParse({ ...kiteLike, source: 'yahoo' }).success).toBe(false);
  });
});

describe('isFresh', () => {
  const timestamp = new Date('2026-11-20T04:00:00.000Z');
  const at = (offsetMs: number) => new Date(timestamp.getTime() + offsetMs);

  it('accepts quotes up to maxAgeMs old (default 5 s) and refuses older ones', () => {
    expect(isFresh({ timestamp }, at(0))).toBe(true);
    expect(isFresh({ timestamp }, at(5000))).toBe(true);
    expect(isFresh({ timestamp }, at(5001))).toBe(false);
    expect(isFresh({ timestamp }, at(1500), 1000)).toBe(false);
  });

  it('tolerates small clock skew but not a quote far in the future', () => {
    expect(isFresh({ timestamp }, at(-2000))).toBe(true);
    expect(isFresh({ timestamp }, at(-5001))).toBe(false);
  });

  it('refuses an invalid timestamp', () => {
    expect(isFresh({ timestamp: new Date(Number.NaN) }, at(0))).toBe(false);
  });
});
