import { describe, expect, it } from 'vitest';
import { applyEvaluation } from './apply-evaluation';
import { evaluateOrder } from './evaluate-order';
import type { PaperOrder } from './order';
import { SCRIPT_START, scriptedQuote } from './scripted-market';

const order: PaperOrder = {
  transactionType: 'BUY',
  orderType: 'LIMIT',
  quantity: 100,
  filledQuantity: 0,
  price: '100.00',
  validity: 'DAY',
  tickSize: '0.05',
  status: 'OPEN',
};
const quote = scriptedQuote({ ltp: '99.95', bid: '99.90', ask: '99.95' });
const after = (ms: number) => new Date(SCRIPT_START.getTime() + ms);

describe('evaluateOrder: quote freshness', () => {
  it('never fills from a quote older than 5 s, and says so', () => {
    const stale = evaluateOrder({ order: { ...order, resting: true }, quote, now: after(5001) });
    expect(stale.fills).toEqual([]);
    expect(stale.newStatus).toBe('OPEN');
    expect(stale.resting).toBe(true);
    expect(stale.reason).toBe('Quote for NSE:INFY is stale (2026-11-20T04:00:00.000Z); not used for fills.');
    expect(evaluateOrder({ order, quote, now: after(5000) }).fills).toEqual([{ price: '99.95', quantity: 100 }]);
  });

  it('honours a custom maximum age and refuses quotes from the future', () => {
    expect(evaluateOrder({ order, quote, now: after(1500), maxQuoteAgeMs: 1000 }).fills).toEqual([]);
    expect(evaluateOrder({ order, quote, now: after(-6000) }).fills).toEqual([]);
  });

  it('does not trigger stop orders from stale quotes', () => {
    const stop: PaperOrder = { ...order, orderType: 'SL', price: '101.00', triggerPrice: '100.50', status: 'TRIGGER PENDING' };
    const jump = scriptedQuote({ ltp: '100.50', bid: '100.45', ask: '100.50' });
    const result = evaluateOrder({ order: stop, quote: jump, now: after(10_000) });
    expect(result.newStatus).toBe('TRIGGER PENDING');
    expect(result.trigger).toBeUndefined();
  });
});

describe('evaluateOrder: bookkeeping', () => {
  it('rejects an invalid order instead of filling it', () => {
    const result = evaluateOrder({ order: { ...order, price: '100.02' }, quote, now: SCRIPT_START });
    expect(result).toEqual({ fills: [], newStatus: 'REJECTED', reason: 'Price 100.02 is not a multiple of the tick size 0.05.' });
  });

  it('fills only the quantity still pending', () => {
    const result = evaluateOrder({ order: { ...order, filledQuantity: 60 }, quote, now: SCRIPT_START });
    expect(result.fills).toEqual([{ price: '99.95', quantity: 40 }]);
    expect(result.newStatus).toBe('COMPLETE');
  });

  it('reports an already filled order as complete without new fills', () => {
    expect(evaluateOrder({ order: { ...order, filledQuantity: 100 }, quote, now: SCRIPT_START })).toEqual({ fills: [], newStatus: 'COMPLETE' });
  });
});

describe('applyEvaluation', () => {
  it('carries filled quantity, status, protection price and the resting flag into the next state', () => {
    const market: PaperOrder = { ...order, orderType: 'MARKET', price: undefined, quantity: 500 };
    const next = applyEvaluation(market, {
      fills: [
        { price: '100.05', quantity: 100 },
        { price: '100.10', quantity: 50 },
      ],
      newStatus: 'OPEN',
      protectionPrice: '101.00',
      resting: true,
    });
    expect(next).toEqual({ live: true, order: { ...market, filledQuantity: 150, protectionPrice: '101.00', resting: true } });
  });

  it('ends the order on a final status, keeping the filled quantity', () => {
    expect(applyEvaluation({ ...order, filledQuantity: 10 }, { fills: [{ price: '99.95', quantity: 30 }], newStatus: 'CANCELLED', cancelRemaining: true })).toEqual({
      live: false,
      status: 'CANCELLED',
      filledQuantity: 40,
    });
    const triggered = applyEvaluation({ ...order, orderType: 'SL', triggerPrice: '99.00', status: 'TRIGGER PENDING' }, { fills: [], newStatus: 'OPEN', trigger: true, resting: true });
    expect(triggered).toMatchObject({ live: true, order: { status: 'OPEN', resting: true } });
  });
});
