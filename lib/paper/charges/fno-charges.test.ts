import { describe, expect, it } from 'vitest';
import { computeCharges } from './compute-charges';
import { computeExerciseCharges } from './exercise-charges';
import type { ChargeInput } from './types';

// Worked by hand. NSE futures exchange 0.00173% + IPFT 0.0001% = 0.00183%; NSE options
// 0.03503% + IPFT 0.0005% = 0.03553% of premium; BSE options 0.0325%; SEBI 0.0001%; GST 18%.
// STT on the sell side: futures 0.02% → 0.05%, options 0.1% → 0.15% of premium from 1 Apr 2026.

describe('NIFTY CE option, 65 @ ₹120 (premium turnover ₹7,800)', () => {
  const option: ChargeInput = {
    tradeDate: '2026-03-30',
    exchange: 'NFO',
    segment: 'OPT',
    product: 'NRML',
    transactionType: 'BUY',
    quantity: 65,
    price: '120',
  };
  // brokerage flat 20 · exchange 7800 × 0.0003553 = 2.77134 → 2.77 · SEBI 0.0078 → 0.01
  // GST 0.18 × (20 + 2.77 + 0.01) = 0.18 × 22.78 = 4.1004 → 4.10
  const common = {
    brokerage: '20.00',
    transaction_tax_type: 'stt',
    exchange_turnover_charge: '2.77',
    sebi_turnover_charge: '0.01',
    gst: { igst: '4.10', cgst: '0.00', sgst: '0.00', rate: '18', total: '4.10' },
  };

  it.each([
    ['2026-03-30', 'zerodha-2024-10-01'],
    ['2026-04-01', 'zerodha-2026-04-01'],
  ])('buy on %s: no STT, stamp 0.003% = 0.234 → 0.23, total 27.11', (tradeDate, rateVersion) => {
    expect(computeCharges({ ...option, tradeDate })).toEqual({
      ...common,
      transaction_tax: '0.00',
      stamp_duty: '0.23',
      total: '27.11',
      rateVersion,
    });
  });

  it('sell before 1 Apr 2026: STT 0.1% = 7.80 → 8, total 20 + 8 + 2.77 + 0.01 + 4.10 = 34.88', () => {
    expect(computeCharges({ ...option, transactionType: 'SELL' })).toEqual({
      ...common,
      transaction_tax: '8.00',
      stamp_duty: '0.00',
      total: '34.88',
      rateVersion: 'zerodha-2024-10-01',
    });
  });

  it('sell from 1 Apr 2026: STT 0.15% = 11.70 → 12, total 38.88', () => {
    expect(computeCharges({ ...option, transactionType: 'SELL', tradeDate: '2026-04-01' })).toEqual({
      ...common,
      transaction_tax: '12.00',
      stamp_duty: '0.00',
      total: '38.88',
      rateVersion: 'zerodha-2026-04-01',
    });
  });

  it('MIS options cost the same as NRML', () => {
    expect(computeCharges({ ...option, product: 'MIS' })).toEqual(computeCharges(option));
  });

  it('BFO (SENSEX CE 20 @ ₹300, premium ₹6,000) uses BSE options rates', () => {
    // exchange 6000 × 0.000325 = 1.95 · SEBI 0.006 → 0.01 · stamp 0.18
    // GST 0.18 × (20 + 1.95 + 0.01) = 3.9528 → 3.95 · total 20 + 1.95 + 0.01 + 0.18 + 3.95 = 26.09
    const charges = computeCharges({ ...option, exchange: 'BFO', quantity: 20, price: '300' });
    expect(charges).toMatchObject({ exchange_turnover_charge: '1.95', stamp_duty: '0.18', total: '26.09' });
  });
});

describe('NIFTY FUT, 65 @ ₹24,000 (turnover ₹15,60,000)', () => {
  const future: ChargeInput = {
    tradeDate: '2026-03-30',
    exchange: 'NFO',
    segment: 'FUT',
    product: 'NRML',
    transactionType: 'BUY',
    quantity: 65,
    price: '24000',
  };
  // brokerage min(0.03% = 468, 20) = 20 · exchange 1560000 × 0.0000183 = 28.548 → 28.55
  // SEBI 1.56 · GST 0.18 × (20 + 28.55 + 1.56) = 0.18 × 50.11 = 9.0198 → 9.02

  it('buy: stamp 0.002% = 31.20, total 20 + 28.55 + 1.56 + 31.20 + 9.02 = 90.33', () => {
    expect(computeCharges(future)).toEqual({
      brokerage: '20.00',
      transaction_tax: '0.00',
      transaction_tax_type: 'stt',
      exchange_turnover_charge: '28.55',
      sebi_turnover_charge: '1.56',
      stamp_duty: '31.20',
      gst: { igst: '9.02', cgst: '0.00', sgst: '0.00', rate: '18', total: '9.02' },
      total: '90.33',
      rateVersion: 'zerodha-2024-10-01',
    });
  });

  it('sell on 31 Mar 2026 (IST): STT 0.02% = 312, total 371.13', () => {
    const charges = computeCharges({ ...future, transactionType: 'SELL', tradeDate: '2026-03-31' });
    expect(charges).toMatchObject({ transaction_tax: '312.00', stamp_duty: '0.00', total: '371.13' });
  });

  it('sell on 1 Apr 2026: STT 0.05% = 780, total 839.13', () => {
    const charges = computeCharges({ ...future, transactionType: 'SELL', tradeDate: '2026-04-01' });
    expect(charges).toMatchObject({ transaction_tax: '780.00', total: '839.13', rateVersion: 'zerodha-2026-04-01' });
  });

  it('picks the rate table by the IST date of a Date', () => {
    const sell = { ...future, transactionType: 'SELL' as const };
    // 23:59:59 IST on 31 Mar vs 00:00 IST on 1 Apr (18:30 UTC on 31 Mar).
    expect(computeCharges({ ...sell, tradeDate: new Date('2026-03-31T18:29:59Z') }).transaction_tax).toBe('312.00');
    expect(computeCharges({ ...sell, tradeDate: new Date('2026-03-31T18:30:00Z') }).transaction_tax).toBe('780.00');
  });

  it('BFO futures pay no BSE exchange charge', () => {
    const charges = computeCharges({ ...future, exchange: 'BFO' });
    expect(charges.exchange_turnover_charge).toBe('0.00');
  });
});

describe('exercised options (NIFTY 24000 CE settling at 24,100, 65 units: intrinsic ₹6,500)', () => {
  it('0.125% before 1 Apr 2026: 8.125 → ₹8', () => {
    const charges = computeExerciseCharges({ tradeDate: '2026-03-30', quantity: 65, intrinsicValuePerUnit: '100' });
    expect(charges).toMatchObject({ transaction_tax: '8.00', total: '8.00', rateVersion: 'zerodha-2024-10-01' });
  });

  it('0.15% from 1 Apr 2026: 9.75 → ₹10', () => {
    const charges = computeExerciseCharges({ tradeDate: '2026-04-28', quantity: 65, intrinsicValuePerUnit: '100' });
    expect(charges).toMatchObject({ transaction_tax: '10.00', brokerage: '0.00', total: '10.00' });
  });

  it('refuses out-of-the-money exercise', () => {
    expect(() => computeExerciseCharges({ tradeDate: '2026-04-28', quantity: 65, intrinsicValuePerUnit: '0' })).toThrow(RangeError);
  });
});
