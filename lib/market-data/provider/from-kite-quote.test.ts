import { describe, expect, it } from 'vitest';
import { quoteSchema } from '@/lib/market-data/quote';
import { fromKiteQuote } from './from-kite-quote';

const fetchedAt = new Date('2026-11-20T05:00:05.000Z');

describe('fromKiteQuote', () => {
  it('takes bid/ask from the real depth levels and the time from Kite (IST)', () => {
    const quote = fromKiteQuote(
      'NSE:INFY',
      {
        last_price: 1500.05,
        timestamp: '2026-11-20 10:30:04',
        ohlc: { open: 1490, high: 1510.5, low: 1488.1, close: 1495 },
        depth: { buy: [{ price: 1500, quantity: 10, orders: 2 }, { price: 0, quantity: 0, orders: 0 }], sell: [{ price: 1500.1, quantity: 5, orders: 1 }] },
        volume: 12345,
      },
      fetchedAt,
    );
    expect(quote).toMatchObject({ lastPrice: '1500.05', bid: '1500', ask: '1500.1', source: 'kite', volume: 12345 });
    expect(quote?.depth?.buy).toHaveLength(1);
    expect(quote?.timestamp.toISOString()).toBe('2026-11-20T05:00:04.000Z');
    expect(quoteSchema.safeParse(quote).success).toBe(true);
  });

  it('an empty side is null, never the LTP; a missing timestamp uses the fetch time', () => {
    const quote = fromKiteQuote('NSE:INFY', { last_price: 100, depth: { buy: [], sell: [{ price: 0, quantity: 0, orders: 0 }] } }, fetchedAt);
    expect(quote).toMatchObject({ bid: null, ask: null, timestamp: fetchedAt });
  });
});
