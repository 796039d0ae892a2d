import type { IstDate } from '@/lib/market/calendar/ist';
import { money, pct, roundPaise, rupeeString } from './money';
import { rateTableFor } from './rates';

export type DpChargeBreakdown = {
  dp_charges: string;
  gst: string;
  total: string;
  scrips: number;
  rateVersion: string;
};

/**
 * DP (depository) charges for delivery sells: a flat amount plus GST per scrip per day, however
 * many sell orders or fills that scrip had (₹13.5 + 18% = ₹15.93). Book it once per scrip per
 * IST day when the first CNC sell of that scrip from demat executes. Zerodha debits it to the
 * ledger rather than the contract note, which is why it is separate from computeCharges.
 */
export function dpCharge(args: { tradeDate: Date | IstDate; scrips?: number }): DpChargeBreakdown {
  const scrips = args.scrips ?? 1;
  if (!Number.isSafeInteger(scrips) || scrips < 0) throw new RangeError(`scrips must be a whole number ≥ 0, got ${scrips}`);
  const table = rateTableFor(args.tradeDate);
  const charge = money(table.dpChargePerScrip).times(scrips);
  const gst = roundPaise(charge.times(pct(table.gstPct)));
  return {
    dp_charges: rupeeString(charge),
    gst: rupeeString(gst),
    total: rupeeString(charge.plus(gst)),
    scrips,
    rateVersion: table.id,
  };
}
