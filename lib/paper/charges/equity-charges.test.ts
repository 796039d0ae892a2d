import { describe, expect, it } from 'vitest';
import { computeCharges } from './compute-charges';
import type { ChargeInput } from './types';

// Worked by hand. Rates: NSE equity exchange 0.00297% + IPFT 0.0001% = 0.00307%; BSE 0.00375%;
// SEBI 0.0001%; GST 18% of (brokerage + exchange + SEBI [+ DP + square-off]).
// STT rounds to the rupee, everything else to the paisa, half-up.

const infy = (overrides: Partial<ChargeInput>): ChargeInput => ({
  tradeDate: '2026-03-30',
  exchange: 'NSE',
  segment: 'EQ',
  product: 'CNC',
  transactionType: 'BUY',
  quantity: 10,
  price: '1500',
  ...overrides,
});

describe('equity delivery (CNC), INFY 10 @ ₹1,500 (turnover ₹15,000)', () => {
  // brokerage 0 · STT 0.1% = 15.00 → 15 · exchange 15000 × 0.0000307 = 0.4605 → 0.46
  // SEBI 15000 × 0.000001 = 0.015 → 0.02 · stamp 0.015% = 2.25
  // GST 0.18 × (0 + 0.46 + 0.02) = 0.0864 → 0.09 · total 15 + 0.46 + 0.02 + 2.25 + 0.09 = 17.82
  const buy = {
    brokerage: '0.00',
    transaction_tax: '15.00',
    transaction_tax_type: 'stt',
    exchange_turnover_charge: '0.46',
    sebi_turnover_charge: '0.02',
    stamp_duty: '2.25',
    gst: { igst: '0.09', cgst: '0.00', sgst: '0.00', rate: '18', total: '0.09' },
    total: '17.82',
  };

  it.each([
    ['2026-03-30', 'zerodha-2024-10-01'],
    ['2026-04-01', 'zerodha-2026-04-01'],
  ])('buy on %s (delivery rates did not change on 1 Apr 2026)', (tradeDate, rateVersion) => {
    expect(computeCharges(infy({ tradeDate }))).toEqual({ ...buy, rateVersion });
  });

  it('sell: STT on the sell side too, no stamp duty', () => {
    // STT 15 · exchange 0.46 · SEBI 0.02 · stamp 0 · GST 0.09 · total 15.57
    expect(computeCharges(infy({ transactionType: 'SELL' }))).toEqual({
      ...buy,
      stamp_duty: '0.00',
      total: '15.57',
      rateVersion: 'zerodha-2024-10-01',
    });
  });

  it('sell from demat with the DP charge folded in', () => {
    // dp 13.50 · GST 0.18 × (0.46 + 0.02 + 13.50) = 0.18 × 13.98 = 2.5164 → 2.52
    // total 15 + 0.46 + 0.02 + 13.50 + 2.52 = 31.50
    const charges = computeCharges(infy({ transactionType: 'SELL', isDeliverySellFromDemat: true }));
    expect(charges.dp_charges).toBe('13.50');
    expect(charges.gst.total).toBe('2.52');
    expect(charges.total).toBe('31.50');
    expect(charges.squareoff_charge).toBeUndefined();
  });

  it('BSE uses its own exchange rate (0.00375%)', () => {
    // exchange 15000 × 0.0000375 = 0.5625 → 0.56 · GST 0.18 × (0.56 + 0.02) = 0.1044 → 0.10
    // total 15 + 0.56 + 0.02 + 2.25 + 0.10 = 17.93
    const charges = computeCharges(infy({ exchange: 'BSE' }));
    expect(charges.exchange_turnover_charge).toBe('0.56');
    expect(charges.gst.total).toBe('0.10');
    expect(charges.total).toBe('17.93');
  });
});

describe('equity intraday (MIS) round trip, RELIANCE 100: buy @ ₹1,400, sell @ ₹1,410', () => {
  const base: ChargeInput = {
    tradeDate: '2026-04-01',
    exchange: 'NSE',
    segment: 'EQ',
    product: 'MIS',
    transactionType: 'BUY',
    quantity: 100,
    price: '1400',
  };

  it('buy (turnover ₹1,40,000)', () => {
    // brokerage min(0.03% = 42, 20) = 20 · STT 0 · exchange 140000 × 0.0000307 = 4.298 → 4.30
    // SEBI 0.14 · stamp 0.003% = 4.20 · GST 0.18 × (20 + 4.30 + 0.14) = 4.3992 → 4.40
    // total 20 + 4.30 + 0.14 + 4.20 + 4.40 = 33.04
    expect(computeCharges(base)).toEqual({
      brokerage: '20.00',
      transaction_tax: '0.00',
      transaction_tax_type: 'stt',
      exchange_turnover_charge: '4.30',
      sebi_turnover_charge: '0.14',
      stamp_duty: '4.20',
      gst: { igst: '4.40', cgst: '0.00', sgst: '0.00', rate: '18', total: '4.40' },
      total: '33.04',
      rateVersion: 'zerodha-2026-04-01',
    });
  });

  it('sell (turnover ₹1,41,000)', () => {
    // brokerage 20 (0.03% = 42.30) · STT 0.025% = 35.25 → 35 · exchange 4.3287 → 4.33
    // SEBI 0.141 → 0.14 · stamp 0 · GST 0.18 × 24.47 = 4.4046 → 4.40
    // total 20 + 35 + 4.33 + 0.14 + 4.40 = 63.87
    const charges = computeCharges({ ...base, transactionType: 'SELL', price: '1410' });
    expect(charges).toMatchObject({
      brokerage: '20.00',
      transaction_tax: '35.00',
      exchange_turnover_charge: '4.33',
      sebi_turnover_charge: '0.14',
      stamp_duty: '0.00',
      total: '63.87',
    });
  });

  it('brokerage below the cap is 0.03% of turnover: 10 @ ₹1,500 → ₹4.50', () => {
    expect(computeCharges({ ...base, quantity: 10, price: '1500' }).brokerage).toBe('4.50');
  });

  it('charges the same before and after 1 Apr 2026', () => {
    const before = computeCharges({ ...base, transactionType: 'SELL', tradeDate: '2026-03-30' });
    const after = computeCharges({ ...base, transactionType: 'SELL', tradeDate: '2026-04-01' });
    expect({ ...before, rateVersion: '' }).toEqual({ ...after, rateVersion: '' });
  });
});

describe('input checks', () => {
  it.each<[string, Partial<ChargeInput>]>([
    ['equity on NFO', { exchange: 'NFO' }],
    ['NRML equity', { product: 'NRML' }],
    ['CNC future', { segment: 'FUT', exchange: 'NFO' }],
    ['F&O on NSE', { segment: 'OPT', product: 'NRML' }],
    ['zero quantity', { quantity: 0 }],
    ['fractional quantity', { quantity: 1.5 }],
    ['negative price', { price: '-1' }],
    ['NaN price', { price: Number.NaN }],
    ['garbage price', { price: '12abc' }],
    ['DP on a buy', { isDeliverySellFromDemat: true }],
    ['auto square-off of CNC', { autoSquareOff: true }],
    ['date before the first rate table', { tradeDate: '2024-09-30' }],
  ])('rejects %s', (_label, overrides) => {
    expect(() => computeCharges(infy(overrides))).toThrow(RangeError);
  });
});
