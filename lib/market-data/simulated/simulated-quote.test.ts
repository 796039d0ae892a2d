import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { isFresh, quoteSchema, type Quote } from '@/lib/market-data/quote';
import { clearPathCache } from './price-path';
import { simulatedPath, simulatedQuote } from './simulated-quote';

const infy = { instrument: 'NSE:INFY', tickSize: '0.05', basePrice: '1600' };
const ist = (isoLocal: string) => new Date(`${isoLocal}+05:30`);
const FRIDAY = '2026-11-20';

const ticksOf = (price: string, tick: string) => new Decimal(price).div(tick);
const onTick = (price: string, tick: string) => ticksOf(price, tick).isInteger();

describe('simulatedQuote: determinism', () => {
  it('gives the same quote for the same instrument and time, cached or not', () => {
    const at = ist(`${FRIDAY}T11:42:17.250`);
    const first = simulatedQuote({ ...infy, at });
    clearPathCache();
    const second = simulatedQuote({ ...infy, at });
    expect(second).toEqual(first);
    // Same one-second bucket → same market.
    expect(simulatedQuote({ ...infy, at: ist(`${FRIDAY}T11:42:17.900`) })).toEqual(first);
    expect(first.timestamp).toEqual(ist(`${FRIDAY}T11:42:17`));
  });

  it('differs between instruments, seeds and seconds', () => {
    const at = ist(`${FRIDAY}T11:00:00`);
    const prices = (q: Quote) => [q.lastPrice, q.bid, q.ask, q.volume, q.depth?.buy[0]?.quantity];
    const base = simulatedQuote({ ...infy, at });
    expect(prices(simulatedQuote({ ...infy, instrument: 'BSE:INFY', at }))).not.toEqual(prices(base));
    expect(prices(simulatedQuote({ ...infy, seed: 'another-market', at }))).not.toEqual(prices(base));
    const path = simulatedPath({ ...infy, from: ist(`${FRIDAY}T11:00:00`), to: ist(`${FRIDAY}T11:10:00`) });
    expect(new Set(path.map((q) => q.lastPrice)).size).toBeGreaterThan(10);
  });
});

describe('simulatedQuote: a plausible market', () => {
  const day = simulatedPath({ ...infy, from: ist(`${FRIDAY}T09:15:00`), to: ist(`${FRIDAY}T15:30:00`), stepMs: 15_000 });

  it('keeps every price on the tick with bid < ask, 1–2 ticks apart around the LTP', () => {
    expect(day).toHaveLength(1501);
    for (const q of day) {
      const { lastPrice, bid, ask } = q;
      if (bid === null || ask === null) throw new Error('an equity quote must have both sides');
      for (const price of [lastPrice, bid, ask, q.ohlc.open, q.ohlc.high, q.ohlc.low, q.ohlc.close]) expect(onTick(price, '0.05')).toBe(true);
      const spread = ticksOf(ask, '0.05').minus(ticksOf(bid, '0.05')).toNumber();
      expect([1, 2]).toContain(spread);
      expect(new Decimal(bid).lte(lastPrice) && new Decimal(lastPrice).lte(ask)).toBe(true);
    }
  });

  it('shows five levels a side, best first, starting at the bid and the ask', () => {
    for (const q of day.slice(0, 200)) {
      const buy = q.depth?.buy ?? [];
      const sell = q.depth?.sell ?? [];
      expect(buy).toHaveLength(5);
      expect(sell).toHaveLength(5);
      expect(buy[0]?.price).toBe(q.bid);
      expect(sell[0]?.price).toBe(q.ask);
      for (let i = 1; i < 5; i += 1) {
        expect(new Decimal(buy[i]?.price ?? '0').lt(buy[i - 1]?.price ?? '0')).toBe(true);
        expect(new Decimal(sell[i]?.price ?? '0').gt(sell[i - 1]?.price ?? '0')).toBe(true);
      }
      for (const level of [...buy, ...sell]) {
        expect(level.quantity).toBeGreaterThan(0);
        expect(level.orders).toBeGreaterThan(0);
        expect(level.orders).toBeLessThanOrEqual(level.quantity);
      }
    }
  });

  it('moves a little, mean-reverting around the base, with a consistent OHLC and rising volume', () => {
    const base = new Decimal(infy.basePrice);
    let previousVolume = -1;
    for (const q of day) {
      expect(new Decimal(q.lastPrice).div(base).minus(1).abs().toNumber()).toBeLessThan(0.06);
      expect(new Decimal(q.ohlc.low).lte(q.lastPrice) && new Decimal(q.lastPrice).lte(q.ohlc.high)).toBe(true);
      expect(new Decimal(q.ohlc.low).lte(q.ohlc.open) && new Decimal(q.ohlc.open).lte(q.ohlc.high)).toBe(true);
      expect(q.ohlc.open).toBe(day[0]?.ohlc.open);
      expect(q.volume ?? -1).toBeGreaterThanOrEqual(previousVolume);
      previousVolume = q.volume ?? -1;
    }
    const last = day[day.length - 1];
    const range = new Decimal(last?.ohlc.high ?? '0').minus(last?.ohlc.low ?? '0').div(base).toNumber();
    expect(range).toBeGreaterThan(0.001);
    expect(range).toBeLessThan(0.08);
  });

  it('passes the Quote schema', () => {
    for (const q of day.slice(0, 50)) expect(quoteSchema.parse(q)).toEqual(q);
  });

  it("uses the previous session's last price as today's close", () => {
    const thursdayClose = simulatedQuote({ ...infy, at: ist('2026-11-19T15:30:00') });
    expect(day[0]?.ohlc.close).toBe(thursdayClose.lastPrice);
  });
});

describe('simulatedQuote: outside market hours', () => {
  const close = simulatedQuote({ ...infy, at: ist(`${FRIDAY}T15:30:00`) });

  it('freezes at the last close with the close timestamp, so fills treat it as stale', () => {
    const evening = ist(`${FRIDAY}T20:00:00`);
    const quote = simulatedQuote({ ...infy, at: evening });
    expect(quote).toEqual(close);
    expect(quote.timestamp).toEqual(ist(`${FRIDAY}T15:30:00`));
    expect(isFresh(quote, evening)).toBe(false);
  });

  it('shows Friday close over the weekend and until Monday 09:15', () => {
    expect(simulatedQuote({ ...infy, at: ist('2026-11-21T12:00:00') })).toEqual(close);
    expect(simulatedQuote({ ...infy, at: ist('2026-11-23T09:14:59') })).toEqual(close);
    const mondayOpen = simulatedQuote({ ...infy, at: ist('2026-11-23T09:15:00') });
    expect(mondayOpen.timestamp).toEqual(ist('2026-11-23T09:15:00'));
    expect(mondayOpen.ohlc.close).toBe(close.lastPrice);
  });

  it("trades around the clock in the '24h' session", () => {
    const at = ist('2026-11-21T22:10:05');
    const quote = simulatedQuote({ ...infy, session: '24h', at });
    expect(quote.timestamp).toEqual(at);
    expect(isFresh(quote, at)).toBe(true);
  });
});

describe('simulatedQuote: instrument kinds', () => {
  const at = ist(`${FRIDAY}T10:00:00`);

  it('gives indices a price but no book, even with the master tick size of 0', () => {
    const nifty = simulatedQuote({ instrument: 'NSE:NIFTY 50', tickSize: '0', basePrice: '26200', index: true, at });
    expect(nifty.bid).toBeNull();
    expect(nifty.ask).toBeNull();
    expect(nifty.depth).toBeUndefined();
    expect(nifty.volume).toBeUndefined();
    expect(onTick(nifty.lastPrice, '0.05')).toBe(true);
  });

  it('quotes F&O depth in whole lots and keeps cheap options above zero', () => {
    const option = simulatedQuote({ instrument: 'NFO:NIFTY26DEC26300CE', tickSize: '0.05', basePrice: '0.10', lotSize: 65, at });
    for (const level of [...(option.depth?.buy ?? []), ...(option.depth?.sell ?? [])]) {
      expect(level.quantity % 65).toBe(0);
      expect(new Decimal(level.price).gt(0)).toBe(true);
    }
    expect(new Decimal(option.bid ?? '0').gt(0)).toBe(true);
    expect((option.volume ?? 1) % 65).toBe(0);
  });

  it('derives a base price from the symbol when none is given', () => {
    const a = simulatedQuote({ instrument: 'NSE:UNLISTEDCO', tickSize: '0.05', at });
    const b = simulatedQuote({ instrument: 'NSE:UNLISTEDCO', tickSize: '0.05', at });
    expect(a).toEqual(b);
    expect(new Decimal(a.lastPrice).gt(50)).toBe(true);
  });

  it('refuses nonsense inputs', () => {
    expect(() => simulatedQuote({ ...infy, basePrice: '0', at })).toThrow(RangeError);
    expect(() => simulatedQuote({ ...infy, lotSize: 0, at })).toThrow(RangeError);
    expect(() => simulatedQuote({ ...infy, at: new Date(Number.NaN) })).toThrow(RangeError);
  });
});

describe('simulatedPath', () => {
  it('steps from `from` to `to` inclusive', () => {
    const path = simulatedPath({ ...infy, from: ist(`${FRIDAY}T10:00:00`), to: ist(`${FRIDAY}T10:00:10`), stepMs: 2000 });
    expect(path.map((q) => q.timestamp.getTime() - ist(`${FRIDAY}T10:00:00`).getTime())).toEqual([0, 2000, 4000, 6000, 8000, 10000]);
    expect(path[3]).toEqual(simulatedQuote({ ...infy, at: ist(`${FRIDAY}T10:00:06`) }));
  });

  it('refuses reversed ranges, bad steps and huge paths', () => {
    const from = ist(`${FRIDAY}T10:00:00`);
    expect(() => simulatedPath({ ...infy, from, to: ist(`${FRIDAY}T09:59:59`) })).toThrow(RangeError);
    expect(() => simulatedPath({ ...infy, from, to: from, stepMs: 0 })).toThrow(RangeError);
    expect(() => simulatedPath({ ...infy, from, to: ist('2026-11-25T10:00:00') })).toThrow(RangeError);
  });
});
