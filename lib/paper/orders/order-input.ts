import { z } from 'zod';

// Prices arrive as JSON numbers (as Kite's API takes them) or decimal strings; both become decimal
// strings before any arithmetic so no float reaches money.
const priceField = z
  .union([z.number(), z.string()])
  .transform((value, ctx) => {
    const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim();
    if (!/^\d{1,9}(\.\d{1,4})?$/.test(text)) {
      ctx.addIssue({ code: 'custom', message: 'Enter a positive price with at most 4 decimals.' });
      return z.NEVER;
    }
    return text;
  });

const optionalPrice = z.union([z.null(), z.literal(''), z.literal(0), priceField]).optional().transform((value) => {
  if (value === null || value === '' || value === 0 || value === undefined) return undefined;
  return value;
});

const quantityField = z
  .union([z.number(), z.string().regex(/^\d+$/, 'Quantity must be a whole number.').transform(Number)])
  .pipe(
    z
      .number({ error: 'Quantity must be a whole number.' })
      .int('Quantity must be a whole number.')
      .positive('Quantity must be at least 1.')
      .max(10_000_000, 'Quantity is too large.'),
  );

/** POST /api/v1/paper/orders, in Kite's field names. Quantity is in units (lots × lot size for F&O). */
export const placeOrderSchema = z.object({
  exchange: z.enum(['NSE', 'BSE', 'NFO', 'BFO'], { error: 'Exchange must be NSE, BSE, NFO or BFO.' }),
  tradingsymbol: z.string().trim().min(1, 'Choose an instrument.').max(64),
  transaction_type: z.enum(['BUY', 'SELL'], { error: 'Choose BUY or SELL.' }),
  order_type: z.enum(['MARKET', 'LIMIT', 'SL', 'SL-M'], { error: 'Choose MARKET, LIMIT, SL or SL-M.' }),
  product: z.enum(['CNC', 'MIS', 'NRML'], { error: 'Choose CNC, MIS or NRML.' }),
  quantity: quantityField,
  price: optionalPrice,
  trigger_price: optionalPrice,
  validity: z.enum(['DAY', 'IOC']).default('DAY'),
  variety: z.literal('regular').default('regular'),
  market_protection: z.number().optional(),
  tag: z.string().max(20).optional(),
});

export type PlaceOrderInput = z.output<typeof placeOrderSchema>;

/** PATCH /api/v1/paper/orders/{id}: what Kite lets you modify on an open order. */
export const modifyOrderSchema = z.object({
  order_type: z.enum(['MARKET', 'LIMIT', 'SL', 'SL-M']).optional(),
  quantity: quantityField.optional(),
  price: optionalPrice,
  trigger_price: optionalPrice,
  validity: z.enum(['DAY', 'IOC']).optional(),
});

export type ModifyOrderInput = z.output<typeof modifyOrderSchema>;
