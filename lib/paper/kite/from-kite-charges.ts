import type Decimal from 'decimal.js';
import { money, pct, roundPaise, roundRupee, rupeeString, ZERO } from '@/lib/paper/charges/money';
import { rateTableFor } from '@/lib/paper/charges/rates';
import type { ChargeBreakdown } from '@/lib/paper/charges/types';
import type { KiteCharges } from './kite-schemas';

/** The rateVersion of a breakdown Kite computed, and the chargesSource of a fill that carries one. */
export const KITE_CHARGES_SOURCE = 'kite';

type Parts = {
  brokerage: Decimal;
  tax: Decimal;
  exchange: Decimal;
  sebi: Decimal;
  stamp: Decimal;
  igst: Decimal;
  cgst: Decimal;
  sgst: Decimal;
  dp: Decimal;
  squareOff: Decimal;
};

function build(parts: Parts, meta: { taxType: 'stt' | 'ctt'; gstRate: string; dp: boolean; squareOff: boolean }): ChargeBreakdown {
  const gst = parts.igst.plus(parts.cgst).plus(parts.sgst);
  const total = parts.brokerage.plus(parts.tax).plus(parts.exchange).plus(parts.sebi).plus(parts.stamp).plus(parts.dp).plus(parts.squareOff).plus(gst);
  const breakdown: ChargeBreakdown = {
    brokerage: rupeeString(parts.brokerage),
    transaction_tax: rupeeString(parts.tax),
    transaction_tax_type: meta.taxType,
    exchange_turnover_charge: rupeeString(parts.exchange),
    sebi_turnover_charge: rupeeString(parts.sebi),
    stamp_duty: rupeeString(parts.stamp),
    gst: { igst: rupeeString(parts.igst), cgst: rupeeString(parts.cgst), sgst: rupeeString(parts.sgst), rate: meta.gstRate, total: rupeeString(gst) },
    total: rupeeString(total),
    rateVersion: KITE_CHARGES_SOURCE,
  };
  if (meta.dp) breakdown.dp_charges = rupeeString(parts.dp);
  if (meta.squareOff) breakdown.squareoff_charge = rupeeString(parts.squareOff);
  return breakdown;
}

function partsOf(b: ChargeBreakdown): Parts {
  return {
    brokerage: money(b.brokerage),
    tax: money(b.transaction_tax),
    exchange: money(b.exchange_turnover_charge),
    sebi: money(b.sebi_turnover_charge),
    stamp: money(b.stamp_duty),
    igst: money(b.gst.igst),
    cgst: money(b.gst.cgst),
    sgst: money(b.gst.sgst),
    dp: money(b.dp_charges ?? 0),
    squareOff: money(b.squareoff_charge ?? 0),
  };
}

const metaOf = (b: ChargeBreakdown) => ({ taxType: b.transaction_tax_type, gstRate: b.gst.rate, dp: b.dp_charges !== undefined, squareOff: b.squareoff_charge !== undefined });

/**
 * Kite's charges block (unrounded floats) as our breakdown, rounded as Zerodha's contract note
 * is: STT/CTT to the rupee, every other component (each GST part too) to the paisa, half-up
 * (lib/paper/charges/money.ts). The total is the sum of the rounded components, so the breakdown
 * adds up; Kite's own float total can differ from it by a few paise.
 */
export function fromKiteCharges(raw: KiteCharges, tradeDate: Date): ChargeBreakdown {
  const paise = (value: number) => roundPaise(money(value));
  return build(
    {
      brokerage: paise(raw.brokerage),
      tax: roundRupee(money(raw.transaction_tax)),
      exchange: paise(raw.exchange_turnover_charge),
      sebi: paise(raw.sebi_turnover_charge),
      stamp: paise(raw.stamp_duty),
      igst: paise(raw.gst.igst),
      cgst: paise(raw.gst.cgst),
      sgst: paise(raw.gst.sgst),
      dp: ZERO,
      squareOff: ZERO,
    },
    { taxType: raw.transaction_tax_type.toLowerCase() === 'ctt' ? 'ctt' : 'stt', gstRate: money(rateTableFor(tradeDate).gstPct).toString(), dp: false, squareOff: false },
  );
}

/**
 * Splits an order's charges across its fills the way computeFillCharges does: Kite prices the
 * order's cumulative fills (fills 1..k at their average price) and fill k's share is note(1..k)
 * minus note(1..k−1), component by component. The shares add up to the last note (the whole
 * order) to the paisa, and brokerage or a ₹20 cap is paid once, by the fills that reach it.
 */
export function splitAcrossFills(cumulativeNotes: readonly ChargeBreakdown[]): ChargeBreakdown[] {
  return cumulativeNotes.map((note, k) => {
    const previous = cumulativeNotes[k - 1];
    if (previous === undefined) return note;
    const after = partsOf(note);
    const before = partsOf(previous);
    const delta = Object.fromEntries(Object.entries(after).map(([key, value]) => [key, value.minus(before[key as keyof Parts])])) as Parts;
    return build(delta, metaOf(note));
  });
}

/**
 * Adds back what stays ours on a fill whose exchange charges now come from Kite: the DP charge
 * (a depository debit, not on the contract note) and the auto square-off charge (₹50), each with
 * its GST, as bookFill charged them.
 */
export function withOwnCharges(share: ChargeBreakdown, own: { dp_charges?: string | undefined; squareoff_charge?: string | undefined }): ChargeBreakdown {
  if (own.dp_charges === undefined && own.squareoff_charge === undefined) return share;
  const parts = partsOf(share);
  const dp = money(own.dp_charges ?? 0);
  const squareOff = money(own.squareoff_charge ?? 0);
  const gst = roundPaise(dp.times(pct(share.gst.rate))).plus(roundPaise(squareOff.times(pct(share.gst.rate))));
  return build(
    { ...parts, dp, squareOff, igst: parts.igst.plus(gst) },
    { ...metaOf(share), dp: own.dp_charges !== undefined, squareOff: own.squareoff_charge !== undefined },
  );
}
