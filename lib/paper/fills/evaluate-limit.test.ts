import { describe, expect, it } from 'vitest';
import { evaluateOrder } from './evaluate-order';
import type { PaperOrder } from './order';
import { playOrder, SCRIPT_START, scriptedPath, scriptedQuote } from './scripted-market';

const buyLimit: PaperOrder = {
  transactionType: 'BUY',
  orderType: 'LIMIT',
  quantity: 1000,
  filledQuantity: 0,
  price: '99.00',
  validity: 'DAY',
  tickSize: '0.05',
  status: 'OPEN',
};
const now = SCRIPT_START;
const second = (n: number) => new Date(SCRIPT_START.getTime() + n * 1000);

describe('marketable LIMIT orders', () => {
  it('fill at the touch, which can be better than the limit', () => {
    const quote = scriptedQuote({ ltp: '1618.90', bid: '1618.85', ask: '1618.95' });
    const buy = evaluateOrder({ order: { ...buyLimit, price: '1620.00' }, quote, now });
    expect(buy.fills).toEqual([{ price: '1618.95', quantity: 1000 }]);
    expect(buy.newStatus).toBe('COMPLETE');
    const sell = evaluateOrder({ order: { ...buyLimit, transactionType: 'SELL', price: '1610.00' }, quote, now });
    expect(sell.fills).toEqual([{ price: '1618.85', quantity: 1000 }]);
  });

  it('fill at exactly the limit when that is the touch', () => {
    const quote = scriptedQuote({ ltp: '99.00', bid: '98.95', ask: '99.00' });
    expect(evaluateOrder({ order: buyLimit, quote, now }).fills).toEqual([{ price: '99.00', quantity: 1000 }]);
  });

  it('walk the depth but never past the limit; the rest rests (DAY)', () => {
    const quote = scriptedQuote({
      ltp: '100.00',
      bid: '99.95',
      ask: '100.05',
      depth: { buy: [['99.95', 100]], sell: [['100.05', 300], ['100.10', 300], ['100.15', 1000]] },
    });
    const result = evaluateOrder({ order: { ...buyLimit, price: '100.10' }, quote, now });
    expect(result.fills).toEqual([
      { price: '100.05', quantity: 300 },
      { price: '100.10', quantity: 300 },
    ]);
    expect(result).toMatchObject({ newStatus: 'OPEN', resting: true });
    expect(result.protectionPrice).toBeUndefined();
  });

  it('IOC: fill what is there at once and cancel the rest, or cancel outright', () => {
    const ioc: PaperOrder = { ...buyLimit, validity: 'IOC', price: '100.10' };
    const depthQuote = scriptedQuote({ ltp: '100.00', bid: '99.95', ask: '100.05', depth: { buy: [], sell: [['100.05', 250], ['100.20', 900]] } });
    const partial = evaluateOrder({ order: ioc, quote: depthQuote, now });
    expect(partial.fills).toEqual([{ price: '100.05', quantity: 250 }]);
    expect(partial).toMatchObject({ newStatus: 'CANCELLED', cancelRemaining: true });
    expect(partial.reason).toBe('IOC: 750 of 1000 could not be filled at once at or better than 100.10; the rest is cancelled.');

    const none = evaluateOrder({ order: { ...ioc, price: '99.00' }, quote: depthQuote, now });
    expect(none).toMatchObject({ fills: [], newStatus: 'CANCELLED', cancelRemaining: true });
  });
});

describe('resting LIMIT orders', () => {
  it('wait while the opposite side is away, then fill at their limit when it crosses', () => {
    const played = playOrder(
      buyLimit,
      scriptedPath([
        { ltp: '100.00', bid: '99.95', ask: '100.05' },
        { ltp: '99.50', bid: '99.45', ask: '99.50' },
        { ltp: '98.95', bid: '98.90', ask: '99.05' }, // LTP below the limit, but no seller at 99.00 yet
        { ltp: '98.85', bid: '98.80', ask: '98.90' }, // the ask gapped through the limit
      ]),
    );
    expect(played.evaluations.slice(0, 3).map((e) => e.fills.length)).toEqual([0, 0, 0]);
    expect(played.evaluations[0]).toMatchObject({ newStatus: 'OPEN', resting: true });
    expect(played.fills).toEqual([{ price: '99.00', quantity: 1000, at: second(3) }]);
    expect(played.status).toBe('COMPLETE');
  });

  it('without the resting flag, an order is treated as arriving and fills at the touch', () => {
    const quote = scriptedQuote({ ltp: '98.85', bid: '98.80', ask: '98.90' });
    expect(evaluateOrder({ order: buyLimit, quote, now }).fills).toEqual([{ price: '98.90', quantity: 1000 }]);
    expect(evaluateOrder({ order: { ...buyLimit, resting: true }, quote, now }).fills).toEqual([{ price: '99.00', quantity: 1000 }]);
  });

  it('SELL: fills when the bid reaches the limit', () => {
    const sell: PaperOrder = { ...buyLimit, transactionType: 'SELL', price: '101.00' };
    const played = playOrder(
      sell,
      scriptedPath([
        { ltp: '100.00', bid: '99.95', ask: '100.05' },
        { ltp: '101.00', bid: '100.95', ask: '101.00' },
        { ltp: '101.10', bid: '101.05', ask: '101.10' },
      ]),
    );
    expect(played.fills).toEqual([{ price: '101.00', quantity: 1000, at: second(2) }]);
  });

  it('take only what the depth shows up to the limit, across quotes', () => {
    const played = playOrder(
      { ...buyLimit, resting: true },
      scriptedPath([
        { ltp: '99.05', bid: '98.95', ask: '99.00', depth: { buy: [], sell: [['98.95', 200], ['99.00', 100], ['99.05', 5000]] } },
        { ltp: '99.10', bid: '99.05', ask: '99.10', depth: { buy: [], sell: [['99.10', 5000]] } },
        { ltp: '99.00', bid: '98.95', ask: '99.00', depth: { buy: [], sell: [['99.00', 900]] } },
      ]),
    );
    expect(played.fills).toEqual([
      { price: '99.00', quantity: 300, at: second(0) },
      { price: '99.00', quantity: 700, at: second(2) },
    ]);
    expect(played.status).toBe('COMPLETE');
    expect(played.order.filledQuantity).toBe(1000);
  });
});
