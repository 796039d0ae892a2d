import { describe, expect, it } from 'vitest';
import { computeCharges, computeFillCharges, computeOrderCharges } from './compute-charges';
import { dpCharge } from './dp-charge';
import { money } from './money';
import type { ChargeBreakdown, Execution, OrderChargeContext } from './types';

const misBuy: OrderChargeContext = {
  tradeDate: '2026-04-01',
  exchange: 'NSE',
  segment: 'EQ',
  product: 'MIS',
  transactionType: 'BUY',
};

function fillShares(order: OrderChargeContext, fills: readonly Execution[]): ChargeBreakdown[] {
  return fills.map((fill, i) => computeFillCharges({ order, previousFills: fills.slice(0, i), fill }));
}

function sumOf(shares: readonly ChargeBreakdown[], pick: (b: ChargeBreakdown) => string): string {
  return shares.reduce((sum, b) => sum.plus(pick(b)), money(0)).toFixed(2);
}

describe('one MIS order, 100 @ ₹1,500, filled 30 + 30 + 40', () => {
  const fills: Execution[] = [
    { quantity: 30, price: '1500' },
    { quantity: 30, price: '1500' },
    { quantity: 40, price: '1500' },
  ];

  // Cumulative turnover 45,000 / 90,000 / 1,50,000.
  // After fill 1: brokerage 13.50 · exch 1.3815 → 1.38 · SEBI 0.045 → 0.05 · stamp 1.35
  //   GST 0.18 × 14.93 = 2.6874 → 2.69 · total 18.97
  // After fill 2: brokerage 27 → cap 20 · exch 2.763 → 2.76 · SEBI 0.09 · stamp 2.70
  //   GST 0.18 × 22.85 = 4.113 → 4.11 · total 29.66
  // After fill 3: brokerage 20 · exch 4.605 → 4.61 · SEBI 0.15 · stamp 4.50
  //   GST 0.18 × 24.76 = 4.4568 → 4.46 · total 33.72
  it('pays brokerage once, capped once: shares 13.50 + 6.50 + 0', () => {
    const shares = fillShares(misBuy, fills);
    expect(shares.map((s) => s.brokerage)).toEqual(['13.50', '6.50', '0.00']);
    expect(shares.map((s) => s.total)).toEqual(['18.97', '10.69', '4.06']);
  });

  it('fill shares add up to the order charges, component by component', () => {
    const shares = fillShares(misBuy, fills);
    const order = computeOrderCharges(misBuy, fills);
    expect(order.total).toBe('33.72');
    expect(order).toEqual(computeCharges({ ...misBuy, quantity: 100, price: '1500' }));
    for (const pick of [
      (b: ChargeBreakdown) => b.brokerage,
      (b: ChargeBreakdown) => b.transaction_tax,
      (b: ChargeBreakdown) => b.exchange_turnover_charge,
      (b: ChargeBreakdown) => b.sebi_turnover_charge,
      (b: ChargeBreakdown) => b.stamp_duty,
      (b: ChargeBreakdown) => b.gst.total,
      (b: ChargeBreakdown) => b.total,
    ]) {
      expect(sumOf(shares, pick)).toBe(pick(order));
    }
  });

  it('is far cheaper than charging each fill as its own order', () => {
    // Each fill alone: 18.97 + 18.97 + (60,000: brokerage 18, exch 1.84, SEBI 0.06, stamp 1.80,
    // GST 0.18 × 19.90 = 3.582 → 3.58, total 25.28) = 63.22.
    const naive = fills.map((fill) => computeCharges({ ...misBuy, ...fill }));
    expect(sumOf(naive, (b) => b.total)).toBe('63.22');
  });

  it('rounds STT per order, so the sell-side shares step by whole rupees: 11 + 12 + 15', () => {
    // Cumulative STT 0.025%: 11.25 → 11, 22.50 → 23, 37.50 → 38.
    const sell = { ...misBuy, transactionType: 'SELL' as const };
    const shares = fillShares(sell, fills);
    expect(shares.map((s) => s.transaction_tax)).toEqual(['11.00', '12.00', '15.00']);
    expect(computeOrderCharges(sell, fills).transaction_tax).toBe('38.00');
  });
});

describe('fill shares for uneven prices and sizes', () => {
  it('always sum to the order charges and are never negative', () => {
    const order: OrderChargeContext = { ...misBuy, transactionType: 'SELL' };
    const fills: Execution[] = [
      { quantity: 7, price: '1499.95' },
      { quantity: 1, price: '1500.05' },
      { quantity: 13, price: '1498.10' },
      { quantity: 29, price: '1501.35' },
      { quantity: 50, price: '1500.00' },
    ];
    const shares = fillShares(order, fills);
    const whole = computeOrderCharges(order, fills);
    expect(sumOf(shares, (b) => b.total)).toBe(whole.total);
    for (const share of shares) expect(money(share.total).isNegative()).toBe(false);
  });

  it('an options order of two lots pays the flat ₹20 on the first fill only', () => {
    const order: OrderChargeContext = { tradeDate: '2026-04-01', exchange: 'NFO', segment: 'OPT', product: 'NRML', transactionType: 'BUY' };
    const fills: Execution[] = [
      { quantity: 65, price: '120' },
      { quantity: 65, price: '121' },
    ];
    expect(fillShares(order, fills).map((s) => s.brokerage)).toEqual(['20.00', '0.00']);
  });

  it('an order with no fills costs nothing', () => {
    expect(computeOrderCharges(misBuy, []).total).toBe('0.00');
  });
});

describe('auto square-off', () => {
  it('adds ₹50 + GST to the RMS order: MIS sell 10 @ ₹1,500', () => {
    // brokerage 4.50 · STT 3.75 → 4 · exch 0.46 · SEBI 0.02 · square-off 50
    // GST 0.18 × (4.50 + 0.46 + 0.02 + 50) = 0.18 × 54.98 = 9.8964 → 9.90
    // total 4.50 + 4 + 0.46 + 0.02 + 50 + 9.90 = 68.88
    const charges = computeCharges({ ...misBuy, transactionType: 'SELL', quantity: 10, price: '1500', autoSquareOff: true });
    expect(charges).toMatchObject({
      brokerage: '4.50',
      transaction_tax: '4.00',
      squareoff_charge: '50.00',
      gst: { total: '9.90' },
      total: '68.88',
    });
  });

  it('charges the ₹50 once per order, on its first fill', () => {
    const order: OrderChargeContext = { ...misBuy, transactionType: 'SELL', autoSquareOff: true };
    const shares = fillShares(order, [
      { quantity: 5, price: '1500' },
      { quantity: 5, price: '1500' },
    ]);
    expect(shares.map((s) => s.squareoff_charge)).toEqual(['50.00', '0.00']);
  });
});

describe('dpCharge', () => {
  it('is ₹13.50 + 18% GST (2.43) = ₹15.93 per scrip per day', () => {
    expect(dpCharge({ tradeDate: '2026-04-01' })).toEqual({
      dp_charges: '13.50',
      gst: '2.43',
      total: '15.93',
      scrips: 1,
      rateVersion: 'zerodha-2026-04-01',
    });
  });

  it('scales with the number of scrips sold that day', () => {
    expect(dpCharge({ tradeDate: '2026-04-01', scrips: 2 })).toMatchObject({ dp_charges: '27.00', gst: '4.86', total: '31.86' });
  });
});
