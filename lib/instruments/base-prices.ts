import { z } from 'zod';
import rawPrices from './data/base-prices.json';
import { derivativeReferencePrice } from './derivative-reference-price';

const DecimalString = z.string().regex(/^\d+(\.\d+)?$/, 'expected a non-negative decimal string');
const PriceMap = z.record(z.string().regex(/^[A-Z]+:.+$/, 'expected EXCHANGE:tradingsymbol'), DecimalString);

export const ReferencePricesSchema = z.object({
  _note: z.string(),
  asOf: z.string(),
  equities: PriceMap,
  indices: PriceMap,
});
export type ReferencePrices = z.infer<typeof ReferencePricesSchema>;

/**
 * Approximate rupee levels (late 2026) that seed the simulated market feed for the bundled
 * instruments. They are made-up starting points, not quotes: never show them as market prices.
 */
export const referencePrices: ReferencePrices = ReferencePricesSchema.parse(rawPrices);

function listedPrice(exchange: string, tradingsymbol: string): string | null {
  const key = `${exchange}:${tradingsymbol}`;
  return referencePrices.equities[key] ?? referencePrices.indices[key] ?? null;
}

/**
 * Reference price as a decimal string (rupees), or null when the instrument has none. Equities and
 * indices are listed; monthly F&O contracts, whichever month they are, derive theirs from the
 * underlying's.
 */
export function referencePrice(exchange: string, tradingsymbol: string): string | null {
  return listedPrice(exchange, tradingsymbol) ?? derivativeReferencePrice({ exchange, tradingsymbol }, (u) => listedPrice(u.exchange, u.tradingsymbol));
}
