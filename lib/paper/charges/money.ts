import Decimal from 'decimal.js';

// A private Decimal constructor: the global one's settings can be changed by any importer, and
// 40 significant digits keeps ₹1,000 crore × 0.0001% exact with room to spare.
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** Anything a caller may pass as an amount: decimal strings are exact, numbers are read as printed. */
export type MoneyInput = string | number | Decimal;

/** A Decimal from our clone; rejects NaN, ±Infinity and malformed strings. */
export function money(value: MoneyInput): Decimal {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError(`Not a finite amount: ${value}`);
  let result: Decimal;
  try {
    result = new Money(value);
  } catch {
    throw new RangeError(`Not a decimal amount: '${String(value)}'`);
  }
  if (!result.isFinite()) throw new RangeError(`Not a finite amount: '${String(value)}'`);
  return result;
}

/** `pct('0.03')` → 0.0003: rate tables are written in percent, as Zerodha publishes them. */
export function pct(percent: string): Decimal {
  return money(percent).div(100);
}

// Zerodha documents only that STT/CTT is "rounded off to the nearest rupee". Half-up is our
// reading of "rounded off", used for paise too; banker's rounding would charge two identical
// trades differently depending on the parity of a digit.
export function roundPaise(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

export function roundRupee(value: Decimal): Decimal {
  return value.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
}

/** Rupees with exactly two decimals, as stored in a fill's charge breakdown. */
export function rupeeString(value: Decimal): string {
  return value.toFixed(2, Decimal.ROUND_HALF_UP);
}

export const ZERO = new Money(0);
