import { z } from 'zod';
import { exchangeSchema, priceSchema } from './price';

export const ExtractedTradeSchema = z.object({
  tradingsymbol: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .describe('Kite tradingsymbol exactly as shown, e.g. "INFY" or "NIFTY24DEC24000CE"')
    .transform((value) => value.toUpperCase()),
  exchange: exchangeSchema,
  transaction_type: z.enum(['BUY', 'SELL']),
  quantity: z.number().int().positive().max(10_000_000).describe('Filled quantity in units (not lots)'),
  price: priceSchema.describe('Average fill price in rupees'),
  trade_time: z
    .string()
    .max(40)
    .optional()
    .describe('Time of the fill as shown, ISO 8601 when the date is visible, else "HH:MM:SS"'),
  product: z.enum(['CNC', 'MIS', 'NRML', 'MTF']).optional(),
  order_type: z.enum(['MARKET', 'LIMIT', 'SL', 'SL-M']).optional(),
});

export const BrokerExtractionSchema = z.object({
  screenshot_kind: z.enum(['order_book', 'trade_book', 'pnl', 'other']),
  trades: z.array(ExtractedTradeSchema).max(200).describe('Executed trades only; skip open, cancelled and rejected orders'),
  warnings: z
    .array(z.string().min(1).max(300))
    .max(20)
    .describe('Anything unreadable, skipped or ambiguous, one short sentence each'),
});

export type ExtractedTrade = z.output<typeof ExtractedTradeSchema>;
export type BrokerExtractionInput = z.input<typeof BrokerExtractionSchema>;
export type BrokerExtraction = z.output<typeof BrokerExtractionSchema>;
