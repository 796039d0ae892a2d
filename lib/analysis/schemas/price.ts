import Decimal from 'decimal.js';
import { z } from 'zod';

// Kite quotes currency derivatives to 4 decimals; nothing we analyse needs more.
const PRICE_DECIMALS = 4;

/**
 * The model writes prices as JSON numbers. JSON.parse turns "2450.35" into the nearest double,
 * whose shortest decimal form is "2450.35" again, so Decimal(number) recovers the written text
 * exactly; from there on the price is a string and never touches float arithmetic.
 */
export function toDecimalString(value: number): string {
  return new Decimal(value).toDecimalPlaces(PRICE_DECIMALS, Decimal.ROUND_HALF_UP).toFixed();
}

export const priceSchema = z
  .number()
  .positive()
  .max(10_000_000)
  .describe('Price in rupees as a plain number, e.g. 2450.35')
  .transform(toDecimalString);

export const unitIntervalSchema = z.number().min(0).max(1);

export const EXCHANGES = ['NSE', 'BSE', 'NFO', 'BFO', 'MCX', 'CDS', 'BCD'] as const;
export const exchangeSchema = z.enum(EXCHANGES);
