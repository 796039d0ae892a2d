import { describe, expect, it } from 'vitest';
import { computeCharges } from './compute-charges';
import { money, roundPaise, roundRupee } from './money';
import type { ChargeInput } from './types';

const cnc: ChargeInput = {
  tradeDate: '2026-04-01',
  exchange: 'NSE',
  segment: 'EQ',
  product: 'CNC',
  transactionType: 'BUY',
  quantity: 1,
  price: '500',
};
const mis: ChargeInput = { ...cnc, product: 'MIS' };

describe('half-up rounding helpers', () => {
  it('rounds halves away from zero, never to even', () => {
    expect(roundRupee(money('0.5')).toFixed(2)).toBe('1.00');
    expect(roundRupee(money('2.5')).toFixed(2)).toBe('3.00');
    expect(roundRupee(money('0.49999')).toFixed(2)).toBe('0.00');
    expect(roundPaise(money('0.015')).toFixed(2)).toBe('0.02');
    expect(roundPaise(money('0.025')).toFixed(2)).toBe('0.03');
  });

  it('is exact where floats are not: 0.1 + 0.2', () => {
    expect(money('0.1').plus('0.2').toString()).toBe('0.3');
  });
});

describe('STT rounds to the nearest rupee', () => {
  it('₹0.50 rounds up: CNC buy 1 @ ₹500', () => {
    // STT 0.1% = 0.50 → 1 · exch 500 × 0.0000307 = 0.01535 → 0.02 · SEBI 0.0005 → 0.00
    // stamp 0.015% = 0.075 → 0.08 · GST 0.18 × 0.02 = 0.0036 → 0.00 · total 1 + 0.02 + 0.08 = 1.10
    expect(computeCharges(cnc)).toMatchObject({
      transaction_tax: '1.00',
      exchange_turnover_charge: '0.02',
      sebi_turnover_charge: '0.00',
      stamp_duty: '0.08',
      gst: { total: '0.00' },
      total: '1.10',
    });
  });

  it('just under ₹0.50 rounds down: CNC buy 1 @ ₹499.99', () => {
    expect(computeCharges({ ...cnc, price: '499.99' }).transaction_tax).toBe('0.00');
  });

  it('MIS sell of ₹2,000: 0.025% = 0.50 → ₹1', () => {
    expect(computeCharges({ ...mis, transactionType: 'SELL', price: '2000' }).transaction_tax).toBe('1.00');
  });
});

describe('tiny trades', () => {
  it('MIS buy 1 @ ₹10 rounds every component to zero', () => {
    // brokerage 0.003 → 0.00 · exch 0.000307 → 0 · SEBI 0.00001 → 0 · stamp 0.0003 → 0
    expect(computeCharges({ ...mis, price: '10' }).total).toBe('0.00');
  });

  it('MIS buy 1 @ ₹100: brokerage 0.03, GST 0.18 × 0.03 = 0.0054 → 0.01, total 0.04', () => {
    expect(computeCharges({ ...mis, price: '100' })).toMatchObject({ brokerage: '0.03', gst: { total: '0.01' }, total: '0.04' });
  });

  it('a ₹0.05 option premium still pays the flat ₹20', () => {
    // 75 × 0.05 = 3.75 premium · exch 0.00133 → 0 · stamp 0.0001 → 0 · GST 0.18 × 20 = 3.60
    const charges = computeCharges({ ...cnc, exchange: 'NFO', segment: 'OPT', product: 'NRML', quantity: 75, price: '0.05' });
    expect(charges).toMatchObject({ brokerage: '20.00', gst: { total: '3.60' }, total: '23.60' });
  });
});

describe('brokerage cap of ₹20', () => {
  it.each([
    ['666.40', '19.99'], // 0.03% × 66,640 = 19.992
    ['666.50', '20.00'], // 19.995 rounds up to the cap
    ['666.67', '20.00'], // 20.001 is capped
    ['700.00', '20.00'], // 21.00 is capped
  ])('MIS 100 @ ₹%s → brokerage ₹%s', (price, brokerage) => {
    expect(computeCharges({ ...mis, quantity: 100, price }).brokerage).toBe(brokerage);
  });

  it('accepts numbers as printed, without float drift', () => {
    // 3 × 0.1 as floats is 0.30000000000000004; as decimals, turnover is exactly 0.3.
    expect(computeCharges({ ...mis, quantity: 3, price: 0.1 })).toEqual(computeCharges({ ...mis, quantity: 3, price: '0.1' }));
  });
});
