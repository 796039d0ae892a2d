import { describe, expect, it } from 'vitest';
import { computeCharges, computeFillCharges } from './compute-charges';
import { money } from './money';
import { computeCncFillCharges, type DayBuy } from './same-day-cnc';
import type { ChargeBreakdown } from './types';

// Worked by hand. NSE equity: exchange 0.00297% + IPFT 0.0001% = 0.00307%; SEBI 0.0001%; GST 18%
// of (brokerage + exchange + SEBI [+ DP]). Delivery: STT 0.1% both sides, stamp 0.015%, DP ₹13.50
// on the sell. Intraday: brokerage 0.03% (₹20 cap), STT 0.025% on the sell, stamp 0.003%.
// Equity rates did not change on 1 Apr 2026, so each example holds on both sides of it.

const total = (...breakdowns: ChargeBreakdown[]) => breakdowns.reduce((sum, b) => sum.plus(b.total), money(0)).toFixed(2);

describe.each([
  ['2026-03-30', 'zerodha-2024-10-01'],
  ['2026-04-01', 'zerodha-2026-04-01'],
])('CNC INFY bought and sold on %s', (tradeDate, rateVersion) => {
  const buyOrder = { id: 'buy-1', tradeDate, exchange: 'NSE' as const, transactionType: 'BUY' as const };
  const sellOrder = { ...buyOrder, id: 'sell-1', transactionType: 'SELL' as const };
  const buy10: DayBuy = { orderId: 'buy-1', quantity: 10, price: '1500' };

  it('the buy of 10 @ ₹1,500 is charged at delivery rates when it fills', () => {
    // STT 15 · exch 0.4605 → 0.46 · SEBI 0.02 · stamp 2.25 · GST 0.18 × 0.48 = 0.0864 → 0.09 · total 17.82
    const charges = computeCncFillCharges({ order: buyOrder, previousFills: [], fill: { quantity: 10, price: '1500' }, dayBuys: [], matched: 0, dpPaidToday: false });
    expect(charges).toMatchObject({ brokerage: '0.00', transaction_tax: '15.00', stamp_duty: '2.25', gst: { total: '0.09' }, total: '17.82', rateVersion });
    expect(charges).toEqual(computeFillCharges({ order: { ...buyOrder, segment: 'EQ', product: 'CNC' }, previousFills: [], fill: { quantity: 10, price: '1500' } }));
  });

  it('selling all 10 @ ₹1,510 the same day: intraday sell, and the buy re-billed as intraday', () => {
    const sell = computeCncFillCharges({ order: sellOrder, previousFills: [], fill: { quantity: 10, price: '1510' }, dayBuys: [buy10], matched: 0, dpPaidToday: false });
    // Own (intraday sell, turnover 15,100): brokerage 4.53 · STT 3.775 → 4 · exch 0.46357 → 0.46
    // SEBI 0.0151 → 0.02 · GST 0.18 × 5.01 = 0.9018 → 0.90 · no stamp, no DP · 9.91.
    // Buy re-billed: intraday buy 10 @ 1,500 = brokerage 4.50, exch 0.46, SEBI 0.02, stamp 0.45,
    // GST 0.18 × 4.98 = 0.8964 → 0.90: 6.33 instead of 17.82, so −11.49.
    expect(sell).toEqual({
      brokerage: '4.53',
      transaction_tax: '4.00',
      transaction_tax_type: 'stt',
      exchange_turnover_charge: '0.46',
      sebi_turnover_charge: '0.02',
      stamp_duty: '0.00',
      gst: { igst: '0.90', cgst: '0.00', sgst: '0.00', rate: '18', total: '0.90' },
      intraday_quantity: 10,
      buy_leg_adjustment: {
        quantity: 10,
        brokerage: '4.50',
        transaction_tax: '-15.00',
        exchange_turnover_charge: '0.00',
        sebi_turnover_charge: '0.00',
        stamp_duty: '-1.80',
        gst: '0.81',
        total: '-11.49',
      },
      total: '-1.58',
      rateVersion,
    });
    // The round trip costs exactly the MIS round trip: 17.82 − 1.58 = 6.33 + 9.91 = 16.24.
    const mis = { tradeDate, exchange: 'NSE' as const, segment: 'EQ' as const, product: 'MIS' as const, quantity: 10 };
    const misBuy = computeCharges({ ...mis, transactionType: 'BUY', price: '1500' });
    const misSell = computeCharges({ ...mis, transactionType: 'SELL', price: '1510' });
    expect([misBuy.total, misSell.total]).toEqual(['6.33', '9.91']);
    const buy = computeCncFillCharges({ order: buyOrder, previousFills: [], fill: { quantity: 10, price: '1500' }, dayBuys: [], matched: 0, dpPaidToday: false });
    expect(total(buy, sell)).toBe('16.24');
    expect(total(misBuy, misSell)).toBe('16.24');
  });

  it('selling 4 @ ₹1,510 the same day and 6 @ ₹1,520 the next: 4 intraday, 6 delivery with DP', () => {
    // Sell 4 (turnover 6,040), intraday: brokerage 1.812 → 1.81 · STT 1.51 → 2 · exch 0.185 → 0.19
    // SEBI 0.01 · GST 0.18 × 2.01 = 0.3618 → 0.36 · own 4.37, no DP (nothing left demat).
    // Buy order re-split: intraday 4 @ 1,500 (brokerage 1.80, exch 0.18, SEBI 0.01, stamp 0.18,
    // GST 0.36 = 2.53) + delivery 6 @ 1,500 (STT 9, exch 0.28, SEBI 0.01, stamp 1.35, GST 0.05 =
    // 10.69) = 13.22 instead of 17.82: −4.60. Sell total 4.37 − 4.60 = −0.23.
    const sell4 = computeCncFillCharges({ order: sellOrder, previousFills: [], fill: { quantity: 4, price: '1510' }, dayBuys: [buy10], matched: 0, dpPaidToday: false });
    expect(sell4).toMatchObject({
      brokerage: '1.81',
      transaction_tax: '2.00',
      intraday_quantity: 4,
      buy_leg_adjustment: { quantity: 4, brokerage: '1.80', transaction_tax: '-6.00', stamp_duty: '-0.72', gst: '0.32', total: '-4.60' },
      total: '-0.23',
    });
    expect(sell4.dp_charges).toBeUndefined();
    // Next day: no buys of that day, so a plain delivery sell from demat with DP: STT 9.12 → 9
    // exch 0.28 · SEBI 0.01 · DP 13.50 · GST 0.18 × 13.79 = 2.4822 → 2.48 · total 25.27.
    const nextDay = { ...sellOrder, id: 'sell-2', tradeDate: tradeDate === '2026-03-30' ? '2026-03-31' : '2026-04-02' };
    const sell6 = computeCncFillCharges({ order: nextDay, previousFills: [], fill: { quantity: 6, price: '1520' }, dayBuys: [], matched: 0, dpPaidToday: false });
    expect(sell6).toMatchObject({ transaction_tax: '9.00', dp_charges: '13.50', gst: { total: '2.48' }, total: '25.27' });
    expect(sell6.intraday_quantity).toBeUndefined();
    // Every fill together = intraday buy 4 + delivery buy 6 + intraday sell 4 + delivery sell 6 (DP).
    const buy = computeCncFillCharges({ order: buyOrder, previousFills: [], fill: { quantity: 10, price: '1500' }, dayBuys: [], matched: 0, dpPaidToday: false });
    const base = { exchange: 'NSE' as const, segment: 'EQ' as const };
    const separately = [
      computeCharges({ ...base, tradeDate, product: 'MIS', transactionType: 'BUY', quantity: 4, price: '1500' }),
      computeCharges({ ...base, tradeDate, product: 'CNC', transactionType: 'BUY', quantity: 6, price: '1500' }),
      computeCharges({ ...base, tradeDate, product: 'MIS', transactionType: 'SELL', quantity: 4, price: '1510' }),
      computeCharges({ ...base, tradeDate: nextDay.tradeDate, product: 'CNC', transactionType: 'SELL', quantity: 6, price: '1520', isDeliverySellFromDemat: true }),
    ];
    expect(separately.map((b) => b.total)).toEqual(['2.53', '10.69', '4.37', '25.27']);
    expect(total(buy, sell4, sell6)).toBe('42.86');
    expect(total(...separately)).toBe('42.86');
  });
});

describe('same-day matching across orders and fills', () => {
  const ctx = { tradeDate: '2026-04-01', exchange: 'NSE' as const };
  const sellOrder = { ...ctx, id: 's', transactionType: 'SELL' as const };

  it('closes the day’s buys first in, first out, across two buy orders', () => {
    // Buys: A 3 @ 1,500 then B 5 @ 1,490; a sell of 4 closes A's 3 and 1 of B's.
    const dayBuys: DayBuy[] = [
      { orderId: 'A', quantity: 3, price: '1500' },
      { orderId: 'B', quantity: 5, price: '1490' },
    ];
    const sell = computeCncFillCharges({ order: sellOrder, previousFills: [], fill: { quantity: 4, price: '1500' }, dayBuys, matched: 0, dpPaidToday: false });
    expect(sell.intraday_quantity).toBe(4);
    // A: delivery 3 @ 1,500 (STT 4.5 → 5 ...) → intraday; B: 1 unit moves from delivery to intraday.
    const buyOf = (id: string, fills: { quantity: number; price: string }[]) =>
      fills.reduce((sum, fill, i) => sum.plus(computeCncFillCharges({ order: { ...ctx, id, transactionType: 'BUY' }, previousFills: fills.slice(0, i), fill, dayBuys: [], matched: 0, dpPaidToday: false }).total), money(0));
    const deliveryBefore = buyOf('A', [{ quantity: 3, price: '1500' }]).plus(buyOf('B', [{ quantity: 5, price: '1490' }]));
    const mis = (quantity: number, price: string) => computeCharges({ ...ctx, segment: 'EQ', product: 'MIS', transactionType: 'BUY', quantity, price }).total;
    const cnc = (quantity: number, price: string) => computeCharges({ ...ctx, segment: 'EQ', product: 'CNC', transactionType: 'BUY', quantity, price }).total;
    const rebilled = money(mis(3, '1500')).plus(mis(1, '1490')).plus(cnc(4, '1490'));
    expect(sell.buy_leg_adjustment?.total).toBe(rebilled.minus(deliveryBefore).toFixed(2));
  });

  it('a sell bigger than the day’s unmatched buys is intraday only up to them, and pays DP for the rest', () => {
    const dayBuys: DayBuy[] = [{ orderId: 'A', quantity: 10, price: '1500' }];
    const sell = computeCncFillCharges({ order: sellOrder, previousFills: [], fill: { quantity: 10, price: '1500' }, dayBuys, matched: 6, dpPaidToday: false });
    expect(sell.intraday_quantity).toBe(4);
    expect(sell.buy_leg_adjustment?.quantity).toBe(4);
    expect(sell.dp_charges).toBe('13.50');
  });

  it('a later fill of the same sell order pays no second DP and no second ₹20 cap', () => {
    const dayBuys: DayBuy[] = [{ orderId: 'A', quantity: 100, price: '1500' }];
    const first = computeCncFillCharges({ order: sellOrder, previousFills: [], fill: { quantity: 60, price: '1500' }, dayBuys, matched: 0, dpPaidToday: false });
    expect(first.brokerage).toBe('20.00'); // 0.03% × 90,000 = 27 → capped
    const second = computeCncFillCharges({ order: sellOrder, previousFills: [{ quantity: 60, price: '1500', intraday: 60 }], fill: { quantity: 60, price: '1500' }, dayBuys, matched: 60, dpPaidToday: false });
    expect(second).toMatchObject({ brokerage: '0.00', intraday_quantity: 40, dp_charges: '13.50' });
    const third = computeCncFillCharges({ order: sellOrder, previousFills: [{ quantity: 60, price: '1500', intraday: 60 }, { quantity: 60, price: '1500', intraday: 40, dp: true }], fill: { quantity: 5, price: '1500' }, dayBuys, matched: 100, dpPaidToday: false });
    expect(third).toMatchObject({ brokerage: '0.00', dp_charges: '0.00' });
    expect(third.intraday_quantity).toBeUndefined();
  });

  it('a buy order filling after part of it was sold is charged against its re-billed split', () => {
    // A filled 4, a sell closed those 4 (re-billed intraday), then A fills 6 more: those 6 are delivery.
    const order = { ...ctx, id: 'A', transactionType: 'BUY' as const };
    const first = computeCncFillCharges({ order, previousFills: [], fill: { quantity: 4, price: '1500' }, dayBuys: [], matched: 0, dpPaidToday: false });
    const sell = computeCncFillCharges({ order: sellOrder, previousFills: [], fill: { quantity: 4, price: '1510' }, dayBuys: [{ orderId: 'A', quantity: 4, price: '1500' }], matched: 0, dpPaidToday: false });
    const second = computeCncFillCharges({ order, previousFills: [{ quantity: 4, price: '1500' }], fill: { quantity: 6, price: '1500' }, dayBuys: [{ orderId: 'A', quantity: 4, price: '1500' }], matched: 4, dpPaidToday: false });
    const base = { ...ctx, segment: 'EQ' as const, transactionType: 'BUY' as const, price: '1500' };
    const expected = money(computeCharges({ ...base, product: 'MIS', quantity: 4 }).total).plus(computeCharges({ ...base, product: 'CNC', quantity: 6 }).total);
    expect(money(first.total).plus(sell.buy_leg_adjustment?.total ?? '0').plus(second.total).toFixed(2)).toBe(expected.toFixed(2));
  });

  it('another order’s DP today means none on this sell', () => {
    const sell = computeCncFillCharges({ order: sellOrder, previousFills: [], fill: { quantity: 5, price: '1500' }, dayBuys: [], matched: 0, dpPaidToday: true });
    expect(sell.dp_charges).toBeUndefined();
    expect(sell.total).toBe(computeCharges({ ...ctx, segment: 'EQ', product: 'CNC', transactionType: 'SELL', quantity: 5, price: '1500' }).total);
  });
});
