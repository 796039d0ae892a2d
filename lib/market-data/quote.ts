import { z } from 'zod';

// Prices travel as decimal strings (as in the instrument master and Postgres numeric columns) so
// no float ever touches money; arithmetic happens in decimal.js after parsing.
export const decimalStringSchema = z
  .string()
  .regex(/^\d+(\.\d+)?$/, 'Expected a non-negative decimal string such as "1412.95"');

/** 'EXCHANGE:TRADINGSYMBOL' as Kite writes it; symbols may contain spaces, '&' and '-'. */
export const instrumentKeySchema = z
  .string()
  .regex(/^[A-Z]+:[^:]+$/, "Expected 'EXCHANGE:TRADINGSYMBOL', e.g. 'NSE:INFY'");

export const depthLevelSchema = z.object({
  price: decimalStringSchema,
  quantity: z.number().int().nonnegative(),
  orders: z.number().int().nonnegative(),
});

export const quoteSchema = z.object({
  instrument: instrumentKeySchema,
  lastPrice: decimalStringSchema,
  // null when that side of the book is empty (a stock locked at a circuit has no sellers or no
  // buyers; indices have no book at all). Never substitute the LTP: that is how other paper
  // engines end up filling at prices nobody offered.
  bid: decimalStringSchema.nullable(),
  ask: decimalStringSchema.nullable(),
  // Best price first on both sides. Kite pads empty levels with price 0 / quantity 0.
  depth: z
    .object({
      buy: z.array(depthLevelSchema).max(20),
      sell: z.array(depthLevelSchema).max(20),
    })
    .optional(),
  // As in Kite, `close` is the previous session's close, not today's last price.
  ohlc: z.object({
    open: decimalStringSchema,
    high: decimalStringSchema,
    low: decimalStringSchema,
    close: decimalStringSchema,
  }),
  volume: z.number().int().nonnegative().optional(),
  timestamp: z.coerce.date(),
  source: z.enum(['kite', 'simulated']),
});

export type DepthLevel = z.infer<typeof depthLevelSchema>;
export type Quote = z.infer<typeof quoteSchema>;

export const DEFAULT_MAX_QUOTE_AGE_MS = 5000;

/**
 * Whether a quote may be used for fills at `now`. A timestamp further in the future than
 * `maxAgeMs` is refused too: that much clock skew means the quote cannot be placed in time.
 */
export function isFresh(quote: Pick<Quote, 'timestamp'>, now: Date, maxAgeMs: number = DEFAULT_MAX_QUOTE_AGE_MS): boolean {
  const ageMs = now.getTime() - quote.timestamp.getTime();
  if (Number.isNaN(ageMs)) return false;
  return ageMs <= maxAgeMs && ageMs >= -maxAgeMs;
}
