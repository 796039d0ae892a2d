import { z } from 'zod';
import rawPrices from './data/base-prices.json';

const DecimalString = z.string().regex(/^\d+(\.\d+)?$/, 'expected a non-negative decimal string');
const PriceMap = z.record(z.string().regex(/^[A-Z]+:.+$/, 'expected EXCHANGE:tradingsymbol'), DecimalString);

export const ReferencePricesSchema = z.object({
  _note: z.string(),
  asOf: z.string(),
  equities: PriceMap,
  indices: PriceMap,
  derivatives: PriceMap,
});
export type ReferencePrices = z.infer<typeof ReferencePricesSchema>;

/**
 * Approximate rupee levels (late 2026) that seed the simulated market feed for the bundled
 * instruments. They are made-up starting points, not quotes: never show them as market prices.
 */
export const referencePrices: ReferencePrices = ReferencePricesSchema.parse(rawPrices);

/** Reference price as a decimal string (rupees), or null when the instrument has none. */
export function referencePrice(exchange: string, tradingsymbol: string): string | null {
  const key = `${exchange}:${tradingsymbol}`;
  return referencePrices.equities[key] ?? referencePrices.indices[key] ?? referencePrices.derivatives[key] ?? null;
}
