import { describe, expect, it } from 'vitest';
import { computeExpiryCharges, intrinsicValue } from './exercise-charges';

describe('intrinsic value at expiry', () => {
  it.each([
    ['CE', '26300', '26692.05', '392.05'],
    ['CE', '26700', '26692.05', '0.00'],
    ['PE', '26700', '26692.05', '7.95'],
    ['PE', '26300', '26692.05', '0.00'],
    ['CE', '26500', '26500', '0.00'],
  ] as const)('%s %s with the underlying at %s → %s', (optionType, strike, underlying, value) => {
    expect(intrinsicValue({ optionType, strike, underlying })).toBe(value);
  });
});

describe('expiry settlement charges (NIFTY, 65 units)', () => {
  it('a long call in the money pays exercise STT on the intrinsic value, nothing else', () => {
    // 65 × 392.05 = 25,483.25 × 0.15% = 38.22 → ₹38 (from 1 Apr 2026); × 0.125% = 31.85 → ₹32 before.
    expect(computeExpiryCharges({ tradeDate: '2026-12-29', quantity: 65, intrinsicValuePerUnit: '392.05', long: true })).toMatchObject({
      brokerage: '0.00', transaction_tax: '38.00', exchange_turnover_charge: '0.00', stamp_duty: '0.00', gst: { total: '0.00' }, total: '38.00', rateVersion: 'zerodha-2026-04-01',
    });
    expect(computeExpiryCharges({ tradeDate: '2026-03-26', quantity: 65, intrinsicValuePerUnit: '392.05', long: true })).toMatchObject({ transaction_tax: '32.00', total: '32.00', rateVersion: 'zerodha-2024-10-01' });
  });

  it('a long option out of the money expires worthless for free', () => {
    expect(computeExpiryCharges({ tradeDate: '2026-12-29', quantity: 65, intrinsicValuePerUnit: '0', long: true })).toMatchObject({ transaction_tax: '0.00', brokerage: '0.00', total: '0.00' });
  });

  it('a short option in the money is assigned with no STT', () => {
    expect(computeExpiryCharges({ tradeDate: '2026-12-29', quantity: 65, intrinsicValuePerUnit: '7.95', long: false })).toMatchObject({ transaction_tax: '0.00', total: '0.00' });
  });

  it('refuses a negative intrinsic value', () => {
    expect(() => computeExpiryCharges({ tradeDate: '2026-12-29', quantity: 65, intrinsicValuePerUnit: '-1', long: true })).toThrow(RangeError);
  });
});
