import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { bundledDerivativeRows } from '../../../lib/instruments/bundled-derivatives';
import { formatKiteCsvRow } from '../../../lib/instruments/csv-format';
import { derivativeReferencePrice } from '../../../lib/instruments/derivative-reference-price';
import { BUILT_IN_CSV, niftyFutureFor } from './builtin-instruments';
import { formatIstDate } from './ist-time';

export const INSTRUMENT_COLUMNS = [
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

export const KITE_EXCHANGES = ['NSE', 'BSE', 'NFO', 'BFO', 'CDS', 'BCD', 'MCX', 'NCO'] as const;

export type Instrument = {
  instrumentToken: number;
  exchangeToken: number;
  tradingsymbol: string;
  name: string;
  lastPrice: number;
  expiry: string;
  strike: number;
  tickSize: number;
  lotSize: number;
  instrumentType: string;
  segment: string;
  exchange: string;
  csvLine: string;
  /** Level the simulated price oscillates around (from base-prices.json when present). */
  referencePrice?: number;
};

export const DEFAULT_INSTRUMENTS_CSV = path.resolve(
  import.meta.dirname,
  '../../../lib/instruments/data/bundled-instruments.csv',
);
const REFERENCE_PRICES_FILE = 'base-prices.json';

// base-prices.json (beside the CSV) seeds the app's simulated feed; using it keeps both feeds near each other.
const ReferencePricesSchema = z.object({
  equities: z.record(z.string(), z.string()).optional(),
  indices: z.record(z.string(), z.string()).optional(),
  derivatives: z.record(z.string(), z.string()).optional(),
});

async function loadReferencePrices(csvFile: string): Promise<Map<string, number>> {
  const prices = new Map<string, number>();
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path.join(path.dirname(csvFile), REFERENCE_PRICES_FILE), 'utf8'));
  } catch {
    return prices;
  }
  const parsed = ReferencePricesSchema.safeParse(raw);
  if (!parsed.success) return prices;
  for (const section of [parsed.data.equities, parsed.data.indices, parsed.data.derivatives]) {
    for (const [key, value] of Object.entries(section ?? {})) {
      const price = Number(value);
      if (Number.isFinite(price) && price > 0) prices.set(key, price);
    }
  }
  return prices;
}

export type InstrumentBook = {
  source: string;
  all: readonly Instrument[];
  /** Also resolves the alias NFO:NIFTY-FUT to the current-month NIFTY future. */
  find(exchange: string, tradingsymbol: string): Instrument | undefined;
  byToken(token: number): Instrument | undefined;
  /** CSV exactly in Kite's column order, ending with a newline as Kite's dump does. */
  csv(exchange?: string): string;
};

function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        current += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else current += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(current);
      current = '';
    } else current += char;
  }
  fields.push(current);
  return fields;
}

export function parseInstrumentsCsv(text: string, source: string): Instrument[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = lines.shift();
  if (header?.trim() !== INSTRUMENT_COLUMNS.join(',')) {
    throw new Error(`${source}: header must be exactly "${INSTRUMENT_COLUMNS.join(',')}"`);
  }
  return lines.map((line, index) => {
    const f = splitCsvLine(line);
    if (f.length !== INSTRUMENT_COLUMNS.length) throw new Error(`${source}: row ${index + 2} has ${f.length} columns`);
    const [token, exchangeToken, tradingsymbol, name, lastPrice, expiry, strike, tick, lot, type, segment, exchange] = f;
    return {
      instrumentToken: Number(token),
      exchangeToken: Number(exchangeToken),
      tradingsymbol: tradingsymbol ?? '',
      name: name ?? '',
      lastPrice: Number(lastPrice) || 0,
      expiry: expiry ?? '',
      strike: Number(strike) || 0,
      tickSize: Number(tick) || 0,
      lotSize: Number(lot) || 0,
      instrumentType: type ?? '',
      segment: segment ?? '',
      exchange: exchange ?? '',
      csvLine: line,
    };
  });
}

export function buildInstrumentBook(
  rows: readonly Instrument[],
  source: string,
  aliases: ReadonlyMap<string, string> = new Map(),
): InstrumentBook {
  const byKey = new Map<string, Instrument>();
  const byToken = new Map<number, Instrument>();
  for (const row of rows) {
    byKey.set(`${row.exchange}:${row.tradingsymbol}`, row);
    byToken.set(row.instrumentToken, row);
  }
  const header = INSTRUMENT_COLUMNS.join(',');
  return {
    source,
    all: rows,
    find: (exchange, tradingsymbol) => {
      const key = `${exchange}:${tradingsymbol}`;
      return byKey.get(aliases.get(key) ?? key);
    },
    byToken: (token) => byToken.get(token),
    csv: (exchange) => {
      const selected = exchange === undefined ? rows : rows.filter((row) => row.exchange === exchange);
      return `${[header, ...selected.map((row) => row.csvLine)].join('\n')}\n`;
    },
  };
}

/** The nearest unexpired NIFTY future in the book, so positions use a contract the app's master also has. */
function nearestNiftyFuture(rows: readonly Instrument[], now: Date): Instrument | undefined {
  const today = formatIstDate(now);
  return rows
    .filter((row) => row.exchange === 'NFO' && row.name === 'NIFTY' && row.instrumentType === 'FUT' && row.expiry >= today)
    .sort((a, b) => a.expiry.localeCompare(b.expiry))[0];
}

/** The app's bundled F&O contracts listed on the fake's day, so both masters hold the same contracts. */
function bundledDerivativesOn(now: Date): Instrument[] {
  const lines = bundledDerivativeRows(formatIstDate(now)).map(formatKiteCsvRow);
  return parseInstrumentsCsv([INSTRUMENT_COLUMNS.join(','), ...lines].join('\n'), 'bundled F&O');
}

/**
 * Loads the CSV at `file`, or the bundled default plus the app's generated F&O contracts for `now`,
 * falling back to a small built-in set when the default does not exist. Rows the fake portfolios
 * rely on are merged in when the file lacks them.
 */
export async function loadInstrumentBook(
  file: string | undefined,
  now: Date,
  defaultFile: string = DEFAULT_INSTRUMENTS_CSV,
): Promise<InstrumentBook> {
  const target = file ?? defaultFile;
  let rows: Instrument[];
  let source = target;
  try {
    rows = parseInstrumentsCsv(await readFile(target, 'utf8'), target);
  } catch (error) {
    const missing = error instanceof Error && 'code' in error && error.code === 'ENOENT';
    if (!missing || file !== undefined) throw error;
    rows = [];
    source = 'built-in';
  }
  if (file === undefined && source !== 'built-in') rows.push(...bundledDerivativesOn(now));
  const present = new Set(rows.map((row) => `${row.exchange}:${row.tradingsymbol}`));
  const extras = parseInstrumentsCsv(BUILT_IN_CSV, 'built-in').filter(
    (row) => !present.has(`${row.exchange}:${row.tradingsymbol}`),
  );
  const all = [...rows, ...extras];
  let future = nearestNiftyFuture(all, now);
  if (!future) {
    future = niftyFutureFor(now);
    all.push(future);
  }
  const referencePrices = source === 'built-in' ? new Map<string, number>() : await loadReferencePrices(target);
  const listed = (key: { exchange: string; tradingsymbol: string }) => {
    const price = referencePrices.get(`${key.exchange}:${key.tradingsymbol}`);
    return price === undefined ? null : String(price);
  };
  for (const row of all) {
    // Contracts have no listed level: derive it from the underlying's, exactly as the app's simulated feed does.
    const price = listed(row) ?? derivativeReferencePrice(row, listed);
    row.referencePrice = price === null ? undefined : Number(price);
  }
  const aliases = new Map([['NFO:NIFTY-FUT', `NFO:${future.tradingsymbol}`]]);
  return buildInstrumentBook(all, source, aliases);
}
