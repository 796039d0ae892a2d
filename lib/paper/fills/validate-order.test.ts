import { describe, expect, it } from 'vitest';
import type { PaperOrder } from './order';
import { validateOrder, validateStopOrder } from './validate-order';

const base: PaperOrder = {
  transactionType: 'BUY',
  orderType: 'LIMIT',
  quantity: 10,
  filledQuantity: 0,
  price: '100.05',
  validity: 'DAY',
  tickSize: '0.05',
  status: 'OPEN',
};

function reasonOf(order: PaperOrder): string {
  const result = validateOrder(order);
  return result.ok ? 'ok' : result.reason;
}

describe('validateOrder', () => {
  it('accepts well-formed orders of every type', () => {
    expect(validateOrder(base)).toEqual({ ok: true });
    expect(validateOrder({ ...base, orderType: 'MARKET', price: undefined, marketProtection: -1 })).toEqual({ ok: true });
    expect(validateOrder({ ...base, orderType: 'SL', price: '101.00', triggerPrice: '100.50', status: 'TRIGGER PENDING' })).toEqual({ ok: true });
    expect(validateOrder({ ...base, orderType: 'SL-M', price: undefined, triggerPrice: '100.50', status: 'TRIGGER PENDING' })).toEqual({ ok: true });
  });

  it('rejects off-tick prices and triggers', () => {
    expect(reasonOf({ ...base, price: '100.02' })).toBe('Price 100.02 is not a multiple of the tick size 0.05.');
    expect(reasonOf({ ...base, orderType: 'SL', price: '101.00', triggerPrice: '100.52', status: 'TRIGGER PENDING' })).toBe(
      'Trigger price 100.52 is not a multiple of the tick size 0.05.',
    );
    expect(reasonOf({ ...base, tickSize: '0.10', price: '1000.05' })).toMatch(/not a multiple of the tick size 0.10/);
  });

  it('requires the prices each order type needs and refuses the ones it ignores', () => {
    expect(reasonOf({ ...base, price: undefined })).toBe('Price is required for this order type.');
    expect(reasonOf({ ...base, price: '0' })).toBe('Price must be greater than zero.');
    expect(reasonOf({ ...base, orderType: 'SL-M', price: undefined, status: 'TRIGGER PENDING' })).toBe(
      'Trigger price is required for this order type.',
    );
    expect(reasonOf({ ...base, orderType: 'MARKET' })).toMatch(/^MARKET orders take no price/);
    expect(reasonOf({ ...base, triggerPrice: '100.00' })).toBe('LIMIT orders take no trigger price.');
  });

  it('checks quantities, tick size, status and market protection', () => {
    expect(reasonOf({ ...base, quantity: 0 })).toBe('Quantity must be a positive whole number.');
    expect(reasonOf({ ...base, quantity: 1.5 })).toBe('Quantity must be a positive whole number.');
    expect(reasonOf({ ...base, filledQuantity: 11 })).toBe('Filled quantity must be between zero and the order quantity.');
    expect(reasonOf({ ...base, tickSize: '0' })).toMatch(/cannot be traded/);
    expect(reasonOf({ ...base, status: 'TRIGGER PENDING' })).toBe('Only SL and SL-M orders can be trigger pending.');
    const market: PaperOrder = { ...base, orderType: 'MARKET', price: undefined };
    expect(reasonOf({ ...market, marketProtection: 0 })).toMatch(/^Market protection must be/);
    expect(reasonOf({ ...market, marketProtection: 101 })).toMatch(/^Market protection must be/);
    expect(reasonOf({ ...market, marketProtection: -2 })).toMatch(/^Market protection must be/);
    expect(reasonOf({ ...market, marketProtection: 100 })).toBe('ok');
    expect(reasonOf({ ...market, protectionPrice: '101.02' })).toMatch(/^Protection price 101.02 is not a multiple/);
    expect(reasonOf({ ...base, protectionPrice: '101.00' })).toBe('Only MARKET and SL-M orders carry a protection price.');
  });

  it('refuses SL-M for options, which NSE no longer accepts', () => {
    const order: PaperOrder = { ...base, orderType: 'SL-M', price: undefined, triggerPrice: '50.00', status: 'TRIGGER PENDING', instrumentType: 'CE' };
    expect(reasonOf(order)).toMatch(/^SL-M orders are not allowed for options/);
    expect(reasonOf({ ...order, instrumentType: 'FUT' })).toBe('ok');
  });

  it('includes the stop-side rule', () => {
    expect(reasonOf({ ...base, orderType: 'SL', price: '100.00', triggerPrice: '100.50', status: 'TRIGGER PENDING' })).toMatch(
      /^For a BUY SL order the price/,
    );
  });
});

describe('validateStopOrder', () => {
  it('wants a BUY SL limit at or above its trigger and a SELL SL limit at or below it', () => {
    expect(validateStopOrder({ transactionType: 'BUY', orderType: 'SL', price: '101.00', triggerPrice: '101.00' })).toEqual({ ok: true });
    expect(validateStopOrder({ transactionType: 'BUY', orderType: 'SL', price: '100.95', triggerPrice: '101.00' })).toEqual({
      ok: false,
      reason: 'For a BUY SL order the price (100.95) must be at or above the trigger price (101.00).',
    });
    expect(validateStopOrder({ transactionType: 'SELL', orderType: 'SL', price: '98.50', triggerPrice: '99.00' })).toEqual({ ok: true });
    expect(validateStopOrder({ transactionType: 'SELL', orderType: 'SL', price: '99.05', triggerPrice: '99.00' })).toEqual({
      ok: false,
      reason: 'For a SELL SL order the price (99.05) must be at or below the trigger price (99.00).',
    });
  });

  it('with an LTP, refuses triggers that are already reached', () => {
    const buy = { transactionType: 'BUY' as const, orderType: 'SL-M' as const, triggerPrice: '101.00' };
    expect(validateStopOrder(buy, '100.95')).toEqual({ ok: true });
    expect(validateStopOrder(buy, '101.00')).toEqual({
      ok: false,
      reason: 'Trigger price for a BUY stop order must be above the last traded price (101.00).',
    });
    const sell = { transactionType: 'SELL' as const, orderType: 'SL' as const, price: '98.00', triggerPrice: '99.00' };
    expect(validateStopOrder(sell, '99.05')).toEqual({ ok: true });
    expect(validateStopOrder(sell, '98.95').ok).toBe(false);
  });

  it('ignores non-stop orders', () => {
    expect(validateStopOrder({ transactionType: 'BUY', orderType: 'LIMIT', price: '1' })).toEqual({ ok: true });
  });
});
