import { z } from 'zod';
import type { IstDate } from '@/lib/market/calendar/ist';
import type { MoneyInput } from './money';

export type ChargeExchange = 'NSE' | 'BSE' | 'NFO' | 'BFO';
export type ChargeSegment = 'EQ' | 'FUT' | 'OPT';
export type ChargeProduct = 'CNC' | 'MIS' | 'NRML';
export type TransactionType = 'BUY' | 'SELL';

/** What charges depend on besides quantity and price: one executed order. */
export type OrderChargeContext = {
  /** The fill instant, or its IST date 'YYYY-MM-DD'; picks the rate table. */
  tradeDate: Date | IstDate;
  exchange: ChargeExchange;
  segment: ChargeSegment;
  /**
   * The product the trade is billed as. Zerodha bills a CNC buy that is sold the same day as
   * intraday: computeCncFillCharges (same-day-cnc.ts) splits a CNC order's units accordingly.
   */
  product: ChargeProduct;
  transactionType: TransactionType;
  /**
   * Adds the DP charge (₹13.5 + GST) to this order. DP is per scrip per day, not per order: set
   * it only on the first CNC sell of a scrip from demat on a day, or leave it off and book
   * `dpCharge()` separately.
   */
  isDeliverySellFromDemat?: boolean;
  /** The order was placed by Zerodha's RMS auto square-off: ₹50 + GST on top. MIS only. */
  autoSquareOff?: boolean;
};

/** One execution: quantity in units (lots × lot size for F&O) at a price (premium for options). */
export type Execution = { quantity: number; price: MoneyInput };

export type ChargeInput = OrderChargeContext & Execution;

const rupees = z.string().regex(/^-?\d+\.\d{2}$/, 'rupees with two decimals');

/** A correction to charges already booked on other fills, component by component (signed). */
export const ChargeAdjustmentSchema = z.object({
  /** Units whose billing the adjustment changes. */
  quantity: z.number().int().positive(),
  brokerage: rupees,
  transaction_tax: rupees,
  exchange_turnover_charge: rupees,
  sebi_turnover_charge: rupees,
  stamp_duty: rupees,
  gst: rupees,
  total: rupees,
});
export type ChargeAdjustment = z.infer<typeof ChargeAdjustmentSchema>;

/**
 * A charge breakdown in the field names of Kite's virtual contract note (POST /charges/orders),
 * as decimal strings in rupees, plus the rate-table version (or 'kite' when Kite computed it).
 * Use it to read a stored breakdown back from the database.
 */
export const ChargeBreakdownSchema = z.object({
  brokerage: rupees,
  transaction_tax: rupees,
  transaction_tax_type: z.enum(['stt', 'ctt']),
  exchange_turnover_charge: rupees,
  sebi_turnover_charge: rupees,
  stamp_duty: rupees,
  gst: z.object({
    igst: rupees,
    cgst: rupees,
    sgst: rupees,
    /** Percent, e.g. '18'. */
    rate: z.string(),
    total: rupees,
  }),
  dp_charges: rupees.optional(),
  squareoff_charge: rupees.optional(),
  /**
   * CNC sells only: how many of this fill's units closed CNC buys of the same IST day. Zerodha
   * bills those as intraday, so the components above charge them at intraday rates.
   */
  intraday_quantity: z.number().int().positive().optional(),
  /**
   * CNC sells only: the same-day buys those units closed were charged at delivery rates when they
   * filled; this re-bills them at intraday rates (usually negative: STT and stamp duty come back,
   * intraday brokerage is added). It is part of `total`; every other component is this fill's own.
   */
  buy_leg_adjustment: ChargeAdjustmentSchema.optional(),
  /** Total debited for this fill: its own charges plus any buy_leg_adjustment (so it can be negative). */
  total: rupees,
  rateVersion: z.string().min(1),
});

export type ChargeBreakdown = z.infer<typeof ChargeBreakdownSchema>;
