import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { Instrument } from '@/lib/instruments/find-instrument';
import { scriptedQuote } from '@/lib/paper/fills/scripted-market';
import { checkOrder, marketClosedReason, type OrderShape } from './check-order';
import { estimateRequirement } from './estimate-requirement';

const infy: Instrument = { instrumentToken: 408065, tradingsymbol: 'INFY', name: 'INFOSYS', exchange: 'NSE', segment: 'NSE', instrumentType: 'EQ', expiry: null, strike: '0', tickSize: '0.05', lotSize: 1, freezeQuantity: null };
const fut: Instrument = { ...infy, tradingsymbol: 'NIFTY99DECFUT', name: 'NIFTY', exchange: 'NFO', segment: 'NFO-FUT', instrumentType: 'FUT', expiry: '2099-12-29', lotSize: 65, freezeQuantity: 1800 };
const index: Instrument = { ...infy, tradingsymbol: 'NIFTY 50', segment: 'INDICES', tickSize: '0' };
const buy: OrderShape = { exchange: 'NSE', transaction_type: 'BUY', order_type: 'LIMIT', product: 'CNC', quantity: 10, price: '1500.05' };

describe('checkOrder', () => {
  const at = new Date('2026-11-20T05:00:00Z');
  it('accepts a valid LIMIT', () => expect(checkOrder(buy, infy, '1500', at)).toEqual({}));

  it.each<[string, Partial<OrderShape>, Instrument, string]>([
    ['price off the tick', { price: '1500.03' }, infy, 'price'],
    ['LIMIT without price', { price: undefined }, infy, 'price'],
    ['MARKET with a price', { order_type: 'MARKET' }, infy, 'price'],
    ['SL without trigger', { order_type: 'SL' }, infy, 'trigger_price'],
    ['BUY SL trigger below LTP', { order_type: 'SL', trigger_price: '1490.00', price: '1495.00' }, infy, 'trigger_price'],
    ['NRML on equity', { product: 'NRML' }, infy, 'product'],
    ['CNC on F&O', { exchange: 'NFO', quantity: 65 }, fut, 'product'],
    ['F&O quantity off the lot', { exchange: 'NFO', product: 'NRML', quantity: 100 }, fut, 'quantity'],
    ['above the freeze quantity', { exchange: 'NFO', product: 'NRML', quantity: 1950 }, fut, 'quantity'],
    ['an index', {}, index, 'tradingsymbol'],
  ])('refuses %s', (_label, change, instrument, field) => {
    expect(checkOrder({ ...buy, ...change }, instrument, '1500', at)[field]?.length).toBeGreaterThan(0);
  });

  it('a contract trades through its expiry day (IST) and not from the IST midnight after', () => {
    const nrml: OrderShape = { ...buy, exchange: 'NFO', product: 'NRML', quantity: 65, price: '26500.00' };
    const dec = { ...fut, expiry: '2026-12-29' };
    expect(checkOrder(nrml, dec, '26500', new Date('2026-12-29T18:29:59Z'))).toEqual({}); // 23:59:59 IST
    expect(checkOrder(nrml, dec, '26500', new Date('2026-12-29T18:30:00Z')).tradingsymbol).toEqual(['NIFTY99DECFUT has expired.']); // 00:00 IST, still the 29th in UTC
  });

  it('market hours: always open by default, NSE hours when configured', () => {
    const sunday = new Date('2026-11-22T06:00:00Z');
    expect(marketClosedReason('NSE', sunday, 'always')).toBeNull();
    expect(marketClosedReason('NSE', sunday, 'nse')).toContain('closed');
    expect(marketClosedReason('NSE', new Date('2026-11-20T05:00:00Z'), 'nse')).toBeNull();
  });
});

describe('estimateRequirement', () => {
  const quote = scriptedQuote({ ltp: '1500.00', bid: '1499.95', ask: '1500.05' });
  const at = new Date('2026-11-20T05:00:00Z');

  it('CNC buy: 100% of value at the limit plus estimated charges', () => {
    const r = estimateRequirement({ order: buy, instrument: infy, quote, openingQuantity: 10, at });
    expect(r.margin.total).toBe('15000.50');
    expect(Number(r.charges.total)).toBeGreaterThan(15);
    expect(new Decimal(r.margin.total).plus(r.charges.total).toFixed(2)).toBe(r.total);
  });

  it('MARKET buy is priced at LTP + automatic protection (0.5% above ₹500)', () => {
    const r = estimateRequirement({ order: { ...buy, order_type: 'MARKET', price: undefined }, instrument: infy, quote, openingQuantity: 10, at });
    expect(r.price).toBe('1507.50');
  });

  it('an order that only closes a position needs no margin, only charges', () => {
    const r = estimateRequirement({ order: { ...buy, product: 'MIS', transaction_type: 'SELL' }, instrument: infy, quote, openingQuantity: 0, at });
    expect(r.margin.total).toBe('0.00');
    expect(r.total).toBe(r.charges.total);
  });
});
