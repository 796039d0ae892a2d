import { describe, expect, it } from 'vitest';
import type { KiteCharges } from './kite-schemas';
import { fromKiteCharges, splitAcrossFills, withOwnCharges } from './from-kite-charges';
import { kiteMargin } from './from-kite-margin';

const at = new Date('2026-11-20T06:00:00Z');
const charges = (fields: Partial<KiteCharges> & { igst?: number; cgst?: number; sgst?: number }): KiteCharges => {
  const { igst = 0, cgst = 0, sgst = 0, ...rest } = fields;
  return {
    transaction_tax: 0,
    transaction_tax_type: 'stt',
    exchange_turnover_charge: 0,
    sebi_turnover_charge: 0,
    brokerage: 0,
    stamp_duty: 0,
    gst: { igst, cgst, sgst, total: igst + cgst + sgst },
    total: 0,
    ...rest,
  };
};

describe('fromKiteCharges', () => {
  it("rounds Kite's floats as the contract note does: STT to the rupee, the rest to the paisa, total = sum", () => {
    // Kite's docs sample: 1 SBIN delivery buy at ₹560.
    const sbin = fromKiteCharges(
      charges({ transaction_tax: 0.56, exchange_turnover_charge: 0.01876, sebi_turnover_charge: 0.00056, igst: 0.0033767999999999997, total: 0.5826968 }),
      at,
    );
    expect(sbin).toEqual({
      brokerage: '0.00',
      transaction_tax: '1.00',
      transaction_tax_type: 'stt',
      exchange_turnover_charge: '0.02',
      sebi_turnover_charge: '0.00',
      stamp_duty: '0.00',
      gst: { igst: '0.00', cgst: '0.00', sgst: '0.00', rate: '18', total: '0.00' },
      total: '1.02',
      rateVersion: 'kite',
    });
    // Kite's docs sample: 100 NIFTY puts bought at ₹1.5.
    const put = fromKiteCharges(charges({ exchange_turnover_charge: 0.07575, sebi_turnover_charge: 0.00015, brokerage: 20, igst: 3.613527, total: 23.689427000000002 }), at);
    expect(put).toMatchObject({ brokerage: '20.00', exchange_turnover_charge: '0.08', gst: { igst: '3.61', total: '3.61' }, total: '23.69' });
  });

  it('rounds half-up, splits GST parts, and keeps CTT', () => {
    const note = fromKiteCharges(charges({ transaction_tax: 37.5, transaction_tax_type: 'CTT', sebi_turnover_charge: 0.015, cgst: 1.005, sgst: 1.005 }), at);
    expect(note).toMatchObject({ transaction_tax: '38.00', transaction_tax_type: 'ctt', sebi_turnover_charge: '0.02', gst: { cgst: '1.01', sgst: '1.01', total: '2.02' }, total: '40.04' });
  });
});

describe('splitAcrossFills', () => {
  it("gives fill k note(1..k) − note(1..k−1), so the shares add up to the whole order's note", () => {
    const first = fromKiteCharges(charges({ brokerage: 9, transaction_tax: 7.4, exchange_turnover_charge: 0.921, stamp_duty: 0.9, igst: 1.78, total: 0 }), at);
    const both = fromKiteCharges(charges({ brokerage: 20, transaction_tax: 16.6, exchange_turnover_charge: 2.046, stamp_duty: 2.0, igst: 3.97, total: 0 }), at);
    const [a, b] = splitAcrossFills([first, both]);
    expect(a).toEqual(first);
    expect(b).toMatchObject({ brokerage: '11.00', transaction_tax: '10.00', exchange_turnover_charge: '1.13', stamp_duty: '1.10', gst: { igst: '2.19', total: '2.19' }, total: '25.42' });
    expect((Number(a?.total) * 100 + Number(b?.total) * 100) / 100).toBe(Number(both.total));
  });
});

describe('withOwnCharges', () => {
  it('keeps our auto square-off charge (₹50 + 18% GST) and DP charge on top of Kite’s share', () => {
    const share = fromKiteCharges(charges({ brokerage: 20, igst: 3.6, total: 23.6 }), at);
    const squared = withOwnCharges(share, { squareoff_charge: '50.00' });
    expect(squared).toMatchObject({ squareoff_charge: '50.00', gst: { igst: '12.60', total: '12.60' }, total: '82.60', rateVersion: 'kite' });
    const dp = withOwnCharges(share, { dp_charges: '13.50' });
    expect(dp).toMatchObject({ dp_charges: '13.50', gst: { total: '6.03' }, total: '39.53' });
    expect(withOwnCharges(share, {})).toBe(share);
  });
});

describe('kiteMargin', () => {
  it('is the incremental margin, never below zero, rounded up to the paisa', () => {
    const row = (total: number, span: number) => ({ total, span, exposure: 0, option_premium: 0 });
    expect(kiteMargin(row(1000.001, 800), 'm')).toMatchObject({ total: '1000.01', span: '800.00', source: 'kite', method: 'm' });
    expect(kiteMargin(row(1500, 1000), 'm', row(1000, 1200))).toMatchObject({ total: '500.00', span: '-200.00' });
    expect(kiteMargin(row(900, 0), 'm', row(1000, 0)).total).toBe('0.00');
  });
});
