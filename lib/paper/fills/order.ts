import { z } from 'zod';
import { decimalStringSchema } from '@/lib/market-data/quote';

export const transactionTypeSchema = z.enum(['BUY', 'SELL']);
export const orderTypeSchema = z.enum(['MARKET', 'LIMIT', 'SL', 'SL-M']);
export const validitySchema = z.enum(['DAY', 'IOC']);
/** Live states only: an order that is COMPLETE, CANCELLED or REJECTED is never evaluated again. */
export const liveOrderStatusSchema = z.enum(['OPEN', 'TRIGGER PENDING']);
/** instrument_type from the instrument master; it selects the automatic market-protection band. */
export const instrumentTypeSchema = z.enum(['EQ', 'FUT', 'CE', 'PE']);

/**
 * The fields of a paper order that the fill rules need. Shapes are checked here; business rules
 * (ticks, stop sides, protection range) by `validateOrder`, so the reason can be shown to the user.
 */
export const paperOrderSchema = z.object({
  transactionType: transactionTypeSchema,
  orderType: orderTypeSchema,
  quantity: z.number().int(),
  filledQuantity: z.number().int(),
  price: decimalStringSchema.optional(),
  triggerPrice: decimalStringSchema.optional(),
  validity: validitySchema,
  // Kite's market_protection: a percentage in (0, 100], or -1 for automatic. Absent means
  // automatic, because Kite no longer accepts unprotected market orders (April 2026).
  marketProtection: z.number().optional(),
  tickSize: decimalStringSchema,
  status: liveOrderStatusSchema,
  instrumentType: instrumentTypeSchema.optional(),
  // Set by evaluateOrder the first time a MARKET (or triggered SL-M) order is priced: the
  // protection price it then rests at. Persist it; it does not move with later LTPs.
  protectionPrice: decimalStringSchema.optional(),
  // Set by evaluateOrder once the order has been seen against a fresh quote without filling in
  // full, i.e. it now sits in the book as the passive side. Persist it; reset it on modify.
  resting: z.boolean().optional(),
});

export type TransactionType = z.infer<typeof transactionTypeSchema>;
export type OrderType = z.infer<typeof orderTypeSchema>;
export type Validity = z.infer<typeof validitySchema>;
export type LiveOrderStatus = z.infer<typeof liveOrderStatusSchema>;
export type InstrumentType = z.infer<typeof instrumentTypeSchema>;
export type PaperOrder = z.infer<typeof paperOrderSchema>;

export type OrderStatus = LiveOrderStatus | 'COMPLETE' | 'CANCELLED' | 'REJECTED';

export type Fill = { price: string; quantity: number };

export type Evaluation = {
  /** Present for stop orders that were TRIGGER PENDING: whether this quote triggered them. */
  trigger?: boolean;
  fills: Fill[];
  newStatus: OrderStatus;
  /** The unfilled rest is cancelled (IOC). The status is then CANCELLED even after partial fills, as on Kite. */
  cancelRemaining?: boolean;
  reason?: string;
  /** The protection price a MARKET / SL-M order was given (new or carried over); persist it. */
  protectionPrice?: string;
  /** Whether the unfilled rest now rests in the book (see PaperOrder.resting); persist it. */
  resting?: boolean;
};

export type ValidationResult = { ok: true } | { ok: false; reason: string };
