import { describe, expect, it } from 'vitest';
import { evaluateOrder } from './evaluate-order';
import type { PaperOrder } from './order';
import { playOrder, SCRIPT_START, scriptedPath, scriptedQuote } from './scripted-market';

const buyMarket: PaperOrder = {
  transactionType: 'BUY',
  orderType: 'MARKET',
  quantity: 1000,
  filledQuantity: 0,
  validity: 'DAY',
  marketProtection: -1,
  tickSize: '0.05',
  status: 'OPEN',
};
const sellMarket: PaperOrder = { ...buyMarket, transactionType: 'SELL' };
const now = SCRIPT_START;

describe('MARKET orders', () => {
  it('BUY fills at the ask and SELL at the bid, not at the LTP', () => {
    const quote = scriptedQuote({ ltp: '1618.90', bid: '1618.85', ask: '1618.95' });
    const buy = evaluateOrder({ order: buyMarket, quote, now });
    expect(buy.fills).toEqual([{ price: '1618.95', quantity: 1000 }]);
    expect(buy.newStatus).toBe('COMPLETE');
    // LTP 1618.90 > 500 → automatic 0.5% band: 1618.90 × 1.005 = 1626.9945 → 1626.95
    expect(buy.protectionPrice).toBe('1626.95');

    const sell = evaluateOrder({ order: sellMarket, quote, now });
    expect(sell.fills).toEqual([{ price: '1618.85', quantity: 1000 }]);
    expect(sell.newStatus).toBe('COMPLETE');
  });

  it('walks the depth level by level when depth is known', () => {
    const quote = scriptedQuote({
      ltp: '100.00',
      bid: '99.95',
      ask: '100.05',
      depth: { buy: [['99.95', 500]], sell: [['100.05', 300], ['100.10', 300], ['100.20', 500], ['0', 0]] },
    });
    const result = evaluateOrder({ order: buyMarket, quote, now });
    expect(result.fills).toEqual([
      { price: '100.05', quantity: 300 },
      { price: '100.10', quantity: 300 },
      { price: '100.20', quantity: 400 },
    ]);
    expect(result.newStatus).toBe('COMPLETE');
  });

  it('stops at the protection band: DAY rests the rest as a limit at the protection price', () => {
    // LTP 100 → automatic 1% → protection 101.00; the 101.50 level is out of bounds.
    const first = scriptedQuote({
      ltp: '100.00',
      bid: '99.95',
      ask: '100.05',
      depth: { buy: [['99.95', 500]], sell: [['100.05', 300], ['100.50', 200], ['101.50', 5000]] },
    });
    const result = evaluateOrder({ order: buyMarket, quote: first, now });
    expect(result.fills).toEqual([
      { price: '100.05', quantity: 300 },
      { price: '100.50', quantity: 200 },
    ]);
    expect(result).toMatchObject({ newStatus: 'OPEN', protectionPrice: '101.00', resting: true });
    expect(result.reason).toBe('500 of 1000 could not be filled within market protection (101.00); the rest waits as a limit at 101.00.');
  });

  it('keeps the protection price fixed and fills the resting rest only when sellers come within it', () => {
    const played = playOrder(
      buyMarket,
      scriptedPath([
        { ltp: '100.00', bid: '99.95', ask: '102.00' }, // band 101.00, nothing offered inside it
        { ltp: '110.00', bid: '109.95', ask: '110.05' }, // LTP moved on; the band did not
        { ltp: '100.80', bid: '100.75', ask: '100.85' }, // sellers inside the band
      ]),
    );
    expect(played.evaluations[0]).toMatchObject({ fills: [], newStatus: 'OPEN', protectionPrice: '101.00', resting: true });
    expect(played.evaluations[1]).toMatchObject({ fills: [], newStatus: 'OPEN', protectionPrice: '101.00' });
    // The rest was resting at 101.00, so it trades at 101.00 (see the LIMIT tests for why).
    expect(played.fills).toEqual([{ price: '101.00', quantity: 1000, at: new Date(SCRIPT_START.getTime() + 2000) }]);
    expect(played.status).toBe('COMPLETE');
  });

  it('IOC cancels what the band does not allow', () => {
    const ioc: PaperOrder = { ...buyMarket, validity: 'IOC' };
    const nothing = evaluateOrder({ order: ioc, quote: scriptedQuote({ ltp: '100.00', bid: '99.95', ask: '101.05' }), now });
    expect(nothing).toMatchObject({ fills: [], newStatus: 'CANCELLED', cancelRemaining: true });
    expect(nothing.reason).toBe('IOC: 1000 of 1000 could not be filled at once within market protection (101.00); the rest is cancelled.');

    const partial = evaluateOrder({
      order: ioc,
      quote: scriptedQuote({ ltp: '100.00', bid: '99.95', ask: '100.05', depth: { buy: [], sell: [['100.05', 400], ['101.05', 600]] } }),
      now,
    });
    expect(partial.fills).toEqual([{ price: '100.05', quantity: 400 }]);
    expect(partial).toMatchObject({ newStatus: 'CANCELLED', cancelRemaining: true });
  });

  it('uses a custom protection percentage when given', () => {
    const quote = scriptedQuote({ ltp: '100.00', bid: '99.95', ask: '104.00' });
    expect(evaluateOrder({ order: buyMarket, quote, now }).fills).toEqual([]);
    const wide = evaluateOrder({ order: { ...buyMarket, marketProtection: 5 }, quote, now });
    expect(wide.fills).toEqual([{ price: '104.00', quantity: 1000 }]);
    expect(wide.protectionPrice).toBe('105.00');
  });

  it('uses the option bands for CE/PE and the SELL side rounds up', () => {
    // Option LTP 50 → 3%: SELL protection 48.50; a bid of 48.45 is outside it.
    const option: PaperOrder = { ...sellMarket, quantity: 65, instrumentType: 'CE' };
    const outside = evaluateOrder({ order: option, quote: scriptedQuote({ ltp: '50.00', bid: '48.45', ask: '50.05' }), now });
    expect(outside).toMatchObject({ fills: [], newStatus: 'OPEN', protectionPrice: '48.50' });
    const inside = evaluateOrder({ order: option, quote: scriptedQuote({ ltp: '50.00', bid: '48.50', ask: '50.05' }), now });
    expect(inside.fills).toEqual([{ price: '48.50', quantity: 65 }]);
  });

  it('does not fill against an empty side of the book', () => {
    const result = evaluateOrder({ order: buyMarket, quote: scriptedQuote({ ltp: '120.00', bid: '120.00', ask: null }), now });
    expect(result).toMatchObject({ fills: [], newStatus: 'OPEN', protectionPrice: '121.20', resting: true });
    const depthOnlyZeros = scriptedQuote({ ltp: '120.00', bid: '120.00', ask: '120.05', depth: { buy: [['120.00', 10]], sell: [['0', 0]] } });
    expect(evaluateOrder({ order: buyMarket, quote: depthOnlyZeros, now }).fills).toEqual([]);
  });

  it('waits for a trade when there is no LTP to anchor protection (IOC cancels)', () => {
    const quote = scriptedQuote({ ltp: '0', bid: '99.95', ask: '100.05' });
    const day = evaluateOrder({ order: buyMarket, quote, now });
    expect(day).toMatchObject({ fills: [], newStatus: 'OPEN' });
    expect(day.protectionPrice).toBeUndefined();
    expect(evaluateOrder({ order: { ...buyMarket, validity: 'IOC' }, quote, now })).toMatchObject({ fills: [], newStatus: 'CANCELLED' });
  });
});
