import { z } from 'zod';

/** Kite's `/instruments` CSV header, in the order Kite sends it. */
export const KITE_INSTRUMENT_COLUMNS = [
  'instrument_token',
  'exchange_token',
  'tradingsymbol',
  'name',
  'last_price',
  'expiry',
  'strike',
  'tick_size',
  'lot_size',
  'instrument_type',
  'segment',
  'exchange',
] as const;

export type KiteInstrumentColumn = (typeof KITE_INSTRUMENT_COLUMNS)[number];

const DECIMAL_RE = /^-?\d+(\.\d+)?$/;
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "23500.0" → "23500", "0.050" → "0.05": one spelling per value, so strings compare equal. */
export function canonicalDecimal(value: string): string {
  const dot = value.indexOf('.');
  if (dot === -1) return value;
  let end = value.length;
  while (end > dot + 1 && value.charCodeAt(end - 1) === 48) end--;
  if (end === dot + 1) end = dot;
  const out = value.slice(0, end);
  return out === '-0' ? '0' : out;
}

function isRealDate(value: string): boolean {
  const m = ISO_DATE_RE.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

// Kite tokens are unsigned 32-bit integers (the ticker packs them into 4 bytes).
const tokenField = z
  .string()
  .regex(/^\d{1,10}$/, 'expected an unsigned integer')
  .transform(Number)
  .refine((n) => n > 0 && n <= 0xffffffff, 'out of uint32 range');

const decimalField = z.string().regex(DECIMAL_RE, 'expected a decimal number').transform(canonicalDecimal);

export const InstrumentTypeSchema = z.enum(['EQ', 'FUT', 'CE', 'PE']);
export type InstrumentType = z.infer<typeof InstrumentTypeSchema>;

/** One CSV row, keyed by Kite's column names, all values still strings. */
export const KiteInstrumentRowSchema = z
  .object({
    instrument_token: tokenField,
    exchange_token: z
      .string()
      .regex(/^\d{1,10}$/, 'expected an unsigned integer')
      .transform(Number),
    tradingsymbol: z.string().min(1, 'empty tradingsymbol'),
    name: z.string(),
    last_price: decimalField,
    expiry: z
      .string()
      .refine((v) => v === '' || isRealDate(v), 'expected yyyy-mm-dd or empty')
      .transform((v) => (v === '' ? null : v)),
    strike: decimalField,
    tick_size: decimalField,
    lot_size: z
      .string()
      .regex(/^\d{1,9}$/, 'expected a non-negative integer')
      .transform(Number),
    instrument_type: InstrumentTypeSchema,
    segment: z.string().regex(/^[A-Z0-9]+(-[A-Z]+)?$/, 'unexpected segment'),
    exchange: z.string().regex(/^[A-Z0-9]+$/, 'unexpected exchange'),
  })
  .transform((r) => ({
    instrumentToken: r.instrument_token,
    exchangeToken: r.exchange_token,
    tradingsymbol: r.tradingsymbol,
    name: r.name,
    lastPrice: r.last_price,
    expiry: r.expiry,
    strike: r.strike,
    tickSize: r.tick_size,
    lotSize: r.lot_size,
    instrumentType: r.instrument_type,
    segment: r.segment,
    exchange: r.exchange,
  }));

/** A CSV row before validation: every Kite column as raw text. */
export type KiteInstrumentRow = Record<KiteInstrumentColumn, string>;
/** A validated instrument. Prices/strike/tick stay decimal strings (never floats); `expiry` is yyyy-mm-dd or null. */
export type KiteInstrument = z.output<typeof KiteInstrumentRowSchema>;
