import Decimal from 'decimal.js';
import { z } from 'zod';
import { EXCHANGES } from '@/lib/analysis/schemas/price';

const priceText = z
  .union([z.string().trim(), z.number()])
  .transform((value) => String(value))
  .refine((value) => /^\d+(\.\d{1,4})?$/.test(value) && new Decimal(value).gt(0), 'Must be a price above 0 with at most 4 decimals, e.g. 1872.40.')
  .transform((value) => new Decimal(value).toFixed());

export const ReviewedTradeSchema = z.object({
  tradingsymbol: z.string().trim().min(1, 'Required.').max(40).regex(/^[A-Za-z0-9&._-]+$/, 'Letters, digits and & . _ - only.').transform((s) => s.toUpperCase()),
  exchange: z.enum(EXCHANGES, 'Choose an exchange.'),
  transaction_type: z.enum(['BUY', 'SELL'], 'Must be BUY or SELL.'),
  quantity: z.coerce.number('Must be a whole number.').int('Must be a whole number.').positive('Must be above 0.').max(10_000_000),
  price: priceText,
  traded_at: z.iso.datetime({ offset: true, message: 'Must be a date and time, e.g. 2026-11-20T09:32:14+05:30.' }),
  product: z.enum(['CNC', 'MIS', 'NRML', 'MTF']).nullish(),
});

export const SaveTradesBodySchema = z.object({
  trades: z.array(ReviewedTradeSchema).min(1, 'Keep at least one trade to save.').max(200),
});

export type ReviewedTrade = z.output<typeof ReviewedTradeSchema>;

export const JournalQuerySchema = z.object({
  tradingsymbol: z.string().trim().max(40).optional(),
  source: z.enum(['paper', 'kite', 'screenshot']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
