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

const uintText = z.string().regex(/^\d{1,10}$/, 'expected an unsigned integer');
const decimalText = z.string().regex(DECIMAL_RE, 'expected a decimal number');

export const InstrumentTypeSchema = z.enum(['EQ', 'FUT', 'CE', 'PE']);
export type InstrumentType = z.infer<typeof InstrumentTypeSchema>;

/*
 * Validation only, no per-field transforms: this runs once per row of a 100k-row dump, and zod's
 * plain object checks are several times faster than a chain of field transforms. Conversion to
 * numbers/canonical decimals happens once, in `toKiteInstrument`.
 */
export const KiteInstrumentCsvRowSchema = z.object({
  // Kite tokens are unsigned 32-bit integers (the ticker packs them into 4 bytes).
  instrument_token: uintText.refine((v) => Number(v) > 0 && Number(v) <= 0xffffffff, 'out of uint32 range'),
  exchange_token: uintText,
  tradingsymbol: z.string().min(1, 'empty tradingsymbol'),
  name: z.string(),
  last_price: decimalText,
  expiry: z.union([z.literal(''), z.iso.date()], { error: 'expected yyyy-mm-dd or empty' }),
  strike: decimalText,
  tick_size: decimalText,
  lot_size: z.string().regex(/^\d{1,9}$/, 'expected a non-negative integer'),
  instrument_type: InstrumentTypeSchema,
  segment: z.string().regex(/^[A-Z0-9]+(-[A-Z]+)?$/, 'unexpected segment'),
  exchange: z.string().regex(/^[A-Z0-9]+$/, 'unexpected exchange'),
});
type ValidCsvRow = z.output<typeof KiteInstrumentCsvRowSchema>;

/** A validated instrument. Prices/strike/tick stay decimal strings (never floats); `expiry` is yyyy-mm-dd or null. */
export type KiteInstrument = {
  instrumentToken: number;
  exchangeToken: number;
  tradingsymbol: string;
  name: string;
  lastPrice: string;
  expiry: string | null;
  strike: string;
  tickSize: string;
  lotSize: number;
  instrumentType: InstrumentType;
  segment: string;
  exchange: string;
};

export function toKiteInstrument(r: ValidCsvRow): KiteInstrument {
  return {
    instrumentToken: Number(r.instrument_token),
    exchangeToken: Number(r.exchange_token),
    tradingsymbol: r.tradingsymbol,
    name: r.name,
    lastPrice: canonicalDecimal(r.last_price),
    expiry: r.expiry === '' ? null : r.expiry,
    strike: canonicalDecimal(r.strike),
    tickSize: canonicalDecimal(r.tick_size),
    lotSize: Number(r.lot_size),
    instrumentType: r.instrument_type,
    segment: r.segment,
    exchange: r.exchange,
  };
}

/** One CSV row keyed by Kite's column names (raw text) → a validated `KiteInstrument`. */
export const KiteInstrumentRowSchema = KiteInstrumentCsvRowSchema.transform(toKiteInstrument);

/** A CSV row before validation: every Kite column as raw text. */
export type KiteInstrumentRow = Record<KiteInstrumentColumn, string>;
