import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { simulatedPath, simulatedQuote } from '@/lib/market-data/simulated/simulated-quote';
import { evaluateOrder } from './evaluate-order';
import type { PaperOrder } from './order';
import { playOrder } from './scripted-market';

// The fill rules played against the deterministic simulated feed, as the paper engine will.
const infy = { instrument: 'NSE:INFY', tickSize: '0.05', basePrice: '1600' };
const ist = (isoLocal: string) => new Date(`${isoLocal}+05:30`);
const order: PaperOrder = { transactionType: 'BUY', orderType: 'MARKET', quantity: 1, filledQuantity: 0, validity: 'DAY', tickSize: '0.05', status: 'OPEN' };

describe('fills against the simulated feed', () => {
  const at = ist('2026-11-20T10:30:00');
  const quote = simulatedQuote({ ...infy, at });

  it('a small MARKET buy fills at the simulated ask', () => {
    expect(evaluateOrder({ order, quote, now: at }).fills).toEqual([{ price: quote.ask, quantity: 1 }]);
  });

  it('a MARKET buy larger than the book takes all five levels and leaves the rest open', () => {
    const sell = quote.depth?.sell ?? [];
    const shown = sell.reduce((total, level) => total + level.quantity, 0);
    const result = evaluateOrder({ order: { ...order, quantity: shown + 7 }, quote, now: at });
    expect(result.fills).toEqual(sell.map((level) => ({ price: level.price, quantity: level.quantity })));
    expect(result).toMatchObject({ newStatus: 'OPEN', resting: true });
  });

  it('nothing fills after the close: the frozen quote is stale', () => {
    const evening = ist('2026-11-20T20:00:00');
    const result = evaluateOrder({ order, quote: simulatedQuote({ ...infy, at: evening }), now: evening });
    expect(result.fills).toEqual([]);
    expect(result.reason).toMatch(/stale/);
  });

  const morning = simulatedPath({ ...infy, from: ist('2026-11-20T09:15:00'), to: ist('2026-11-20T11:15:00') });

  it('a resting LIMIT buy fills at its limit on the first quote whose ask reaches it', () => {
    const lowestAsk = Decimal.min(...morning.map((q) => new Decimal(q.ask ?? '0')));
    const limit = lowestAsk.plus('0.10');
    expect(new Decimal(morning[0]?.ask ?? '0').gt(limit)).toBe(true);
    const firstCross = morning.findIndex((q) => new Decimal(q.ask ?? '0').lte(limit));
    expect(firstCross).toBeGreaterThan(0);

    const played = playOrder({ ...order, orderType: 'LIMIT', price: limit.toFixed(2), quantity: 5 }, morning);
    expect(played.fills.map((f) => f.price)).toEqual(played.fills.map(() => limit.toFixed(2)));
    expect(played.fills[0]?.at).toEqual(morning[firstCross]?.timestamp);
    expect(played.status).toBe('COMPLETE');
  });

  it('a SELL SL triggers on the first LTP at or below its trigger and sells at that bid', () => {
    const lowestLtp = Decimal.min(...morning.map((q) => new Decimal(q.lastPrice)));
    const trigger = lowestLtp.plus('0.50');
    const firstTrigger = morning.findIndex((q) => new Decimal(q.lastPrice).lte(trigger));
    expect(firstTrigger).toBeGreaterThan(0);
    const stop: PaperOrder = {
      ...order,
      transactionType: 'SELL',
      orderType: 'SL',
      triggerPrice: trigger.toFixed(2),
      price: trigger.minus(5).toFixed(2),
      status: 'TRIGGER PENDING',
    };
    const played = playOrder(stop, morning);
    expect(played.evaluations[firstTrigger]?.trigger).toBe(true);
    expect(played.fills).toEqual([{ price: morning[firstTrigger]?.bid, quantity: 1, at: morning[firstTrigger]?.timestamp }]);
  });
});
