import { KITE_INSTRUMENT_COLUMNS, type KiteInstrumentRow } from './schemas';

export const KITE_CSV_HEADER = KITE_INSTRUMENT_COLUMNS.join(',');

function quoteField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One CSV line (no line ending) in Kite's column order, quoting only where RFC 4180 requires it. */
export function formatKiteCsvRow(row: KiteInstrumentRow): string {
  return KITE_INSTRUMENT_COLUMNS.map((c) => quoteField(row[c])).join(',');
}

/**
 * Spells a fixed-point integer the way Kite's dump does (Python float repr): 2650000 at scale 2 is
 * "26500.0", 8525 is "85.25", 25 at scale 4 is "0.0025". Integer input keeps money out of floats.
 */
export function formatKiteDecimal(units: number, scale: number): string {
  if (!Number.isSafeInteger(units) || !Number.isInteger(scale) || scale < 0) {
    throw new RangeError(`formatKiteDecimal: bad input ${units}, ${scale}`);
  }
  const neg = units < 0;
  const digits = String(Math.abs(units)).padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale).replace(/0+$/, '');
  return `${neg ? '-' : ''}${whole}.${frac === '' ? '0' : frac}`;
}
