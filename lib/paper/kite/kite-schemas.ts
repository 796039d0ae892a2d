import { z } from 'zod';

// The parts of Kite's margin and charges answers the paper account relies on (kite.trade/docs/
// connect/v3/margins). Kite sends unrounded floats; they become Decimals before any arithmetic.
const num = z.number();

/** The `charges` block of /margins/* rows and of /charges/orders rows. */
export const KiteChargesSchema = z.looseObject({
  transaction_tax: num,
  transaction_tax_type: z.string(),
  exchange_turnover_charge: num,
  sebi_turnover_charge: num,
  brokerage: num,
  stamp_duty: num,
  gst: z.looseObject({ igst: num, cgst: num, sgst: num, total: num }),
  total: num,
});

/**
 * A full-mode margin row. `charges` is read separately (KiteChargesSchema.safeParse) so a row whose
 * charges block has another shape still gives its margin, and charges come from /charges/orders.
 */
export const KiteMarginRowSchema = z.looseObject({
  tradingsymbol: z.string(),
  exchange: z.string(),
  span: num,
  exposure: num,
  option_premium: num,
  total: num,
  charges: z.unknown().optional(),
});

export const KiteOrderMarginsSchema = z.array(KiteMarginRowSchema);

export const KiteBasketMarginsSchema = z.looseObject({
  initial: KiteMarginRowSchema,
  final: KiteMarginRowSchema,
  orders: z.array(KiteMarginRowSchema),
});

/** /charges/orders: one row per order sent, in the same order (Kite does not echo order_id). */
export const KiteContractNoteSchema = z.array(
  z.looseObject({
    tradingsymbol: z.string(),
    exchange: z.string(),
    transaction_type: z.string(),
    quantity: num,
    price: num,
    charges: KiteChargesSchema,
  }),
);

export type KiteCharges = z.infer<typeof KiteChargesSchema>;
export type KiteMarginRow = z.infer<typeof KiteMarginRowSchema>;
