import { describe, expect, it } from 'vitest';
import { evaluateOrder } from './evaluate-order';
import type { PaperOrder } from './order';
import { playOrder, SCRIPT_START, scriptedPath, scriptedQuote } from './scripted-market';

const buyStop: PaperOrder = {
  transactionType: 'BUY',
  orderType: 'SL',
  quantity: 100,
  filledQuantity: 0,
  price: '101.50',
  triggerPrice: '101.00',
  validity: 'DAY',
  tickSize: '0.05',
  status: 'TRIGGER PENDING',
};
const sellStop: PaperOrder = { ...buyStop, transactionType: 'SELL', price: '98.50', triggerPrice: '99.00' };
const second = (n: number) => new Date(SCRIPT_START.getTime() + n * 1000);

describe('SL orders', () => {
  it('BUY stays trigger pending until the LTP reaches the trigger, then trades as a LIMIT at the touch', () => {
    const played = playOrder(
      buyStop,
      scriptedPath([
        { ltp: '100.50', bid: '100.45', ask: '100.55' },
        { ltp: '100.95', bid: '100.95', ask: '101.05' }, // the ask is past the trigger, the LTP is not
        { ltp: '101.00', bid: '100.95', ask: '101.05' },
      ]),
    );
    expect(played.evaluations.slice(0, 2)).toEqual([
      { fills: [], newStatus: 'TRIGGER PENDING', trigger: false },
      { fills: [], newStatus: 'TRIGGER PENDING', trigger: false },
    ]);
    expect(played.evaluations[2]).toMatchObject({ trigger: true, newStatus: 'COMPLETE' });
    expect(played.fills).toEqual([{ price: '101.05', quantity: 100, at: second(2) }]);
  });

  it('SELL triggers when the LTP falls to the trigger and fills at the bid within its limit', () => {
    const played = playOrder(
      sellStop,
      scriptedPath([
        { ltp: '99.05', bid: '99.00', ask: '99.10' },
        { ltp: '99.00', bid: '98.95', ask: '99.00' },
      ]),
    );
    expect(played.evaluations[0]).toMatchObject({ trigger: false, newStatus: 'TRIGGER PENDING' });
    expect(played.fills).toEqual([{ price: '98.95', quantity: 100, at: second(1) }]);
  });

  it('never triggers while the LTP stays on the safe side', () => {
    const played = playOrder(
      sellStop,
      scriptedPath([
        { ltp: '100.00', bid: '99.95', ask: '100.05' },
        { ltp: '99.50', bid: '98.00', ask: '99.55' }, // a low bid alone does not trigger
        { ltp: '99.05', bid: '99.00', ask: '99.10' },
      ]),
    );
    expect(played.fills).toEqual([]);
    expect(played.status).toBe('TRIGGER PENDING');
    expect(played.evaluations.every((e) => e.trigger === false)).toBe(true);
  });

  it('after a trigger whose limit is out of reach, rests as a LIMIT and fills at its price later', () => {
    const order: PaperOrder = { ...buyStop, price: '101.00' };
    const played = playOrder(
      order,
      scriptedPath([
        { ltp: '101.00', bid: '100.95', ask: '101.20' },
        { ltp: '101.25', bid: '101.20', ask: '101.30' },
        { ltp: '100.95', bid: '100.90', ask: '100.95' },
      ]),
    );
    expect(played.evaluations[0]).toMatchObject({ trigger: true, fills: [], newStatus: 'OPEN', resting: true });
    expect(played.evaluations[1]).toEqual({ fills: [], newStatus: 'OPEN', resting: true });
    expect(played.fills).toEqual([{ price: '101.00', quantity: 100, at: second(2) }]);
  });

  it('IOC: triggers, then cancels what cannot fill at once', () => {
    const result = evaluateOrder({
      order: { ...buyStop, price: '101.00', validity: 'IOC' },
      quote: scriptedQuote({ ltp: '101.00', bid: '100.95', ask: '101.20' }),
      now: SCRIPT_START,
    });
    expect(result).toMatchObject({ trigger: true, fills: [], newStatus: 'CANCELLED', cancelRemaining: true });
  });
});

describe('SL-M orders', () => {
  const sellStopMarket: PaperOrder = { ...sellStop, orderType: 'SL-M', price: undefined };

  it('trigger like SL and then trade as a protected MARKET priced from the triggering LTP', () => {
    const played = playOrder(
      sellStopMarket,
      scriptedPath([
        { ltp: '99.50', bid: '99.45', ask: '99.55' },
        { ltp: '98.90', bid: '98.85', ask: '98.95' },
      ]),
    );
    expect(played.evaluations[0]).toMatchObject({ trigger: false, newStatus: 'TRIGGER PENDING' });
    // LTP 98.90 < 100 → 2%: 98.90 × 0.98 = 96.922 → rounded up to 96.95
    expect(played.evaluations[1]).toMatchObject({ trigger: true, newStatus: 'COMPLETE', protectionPrice: '96.95' });
    expect(played.fills).toEqual([{ price: '98.85', quantity: 100, at: second(1) }]);
  });

  it('do not trigger on a path that never reaches the trigger', () => {
    const played = playOrder(
      { ...buyStop, orderType: 'SL-M', price: undefined },
      scriptedPath([
        { ltp: '100.00', bid: '99.95', ask: '100.05' },
        { ltp: '100.95', bid: '100.90', ask: '101.00' },
      ]),
    );
    expect(played.fills).toEqual([]);
    expect(played.status).toBe('TRIGGER PENDING');
  });

  it('on a gap past the protection band, rest at the protection price instead of chasing', () => {
    const played = playOrder(
      { ...buyStop, orderType: 'SL-M', price: undefined },
      scriptedPath([
        { ltp: '101.00', bid: '100.95', ask: '104.00' }, // trigger; band 1% of 101.00 → 102.01 → 102.00
        { ltp: '103.00', bid: '102.95', ask: '103.05' },
        { ltp: '101.90', bid: '101.85', ask: '101.95' },
      ]),
    );
    expect(played.evaluations[0]).toMatchObject({ trigger: true, fills: [], newStatus: 'OPEN', protectionPrice: '102.00' });
    expect(played.evaluations[1]).toMatchObject({ fills: [], newStatus: 'OPEN' });
    expect(played.fills).toEqual([{ price: '102.00', quantity: 100, at: second(2) }]);
  });
});
