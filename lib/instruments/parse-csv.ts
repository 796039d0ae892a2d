import { CsvRecordSplitter, type CsvRecord } from './csv-records';
import { KITE_INSTRUMENT_COLUMNS, KiteInstrumentRowSchema, type KiteInstrument, type KiteInstrumentRow } from './schemas';

export type BadRow = { line: number; reason: string; raw: string };

export type ParseReport = {
  /** Valid instruments yielded so far. */
  rows: number;
  /** All rejected rows, including those past `maxBadRows`. */
  badRowCount: number;
  /** The first `maxBadRows` rejected rows, with 1-based physical line numbers (the header is line 1). */
  badRows: BadRow[];
  done: boolean;
};

export type ParseOptions = {
  /** Instruments per yielded array. */
  batchSize?: number;
  maxBadRows?: number;
  maxRecordChars?: number;
};

/** A whole CSV text, a Node Readable, or any async iterable of text/bytes (e.g. `Readable.fromWeb(res.body)`). */
export type CsvSource = string | AsyncIterable<string | Uint8Array>;

export type KiteInstrumentsCsvParse = AsyncIterable<KiteInstrument[]> & { readonly report: ParseReport };

/** Thrown when the first record is not a Kite instruments header; nothing after it can be trusted. */
export class InstrumentCsvHeaderError extends Error {
  override readonly name = 'InstrumentCsvHeaderError';
}

const STRING_SLICE_CHARS = 256 * 1024;
const RAW_PREVIEW_CHARS = 300;

async function* textChunks(source: CsvSource): AsyncGenerator<string> {
  if (typeof source === 'string') {
    // Slicing keeps batches flowing out while a large in-memory string is parsed.
    for (let i = 0; i < source.length; i += STRING_SLICE_CHARS) yield source.slice(i, i + STRING_SLICE_CHARS);
    return;
  }
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of source) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text.length > 0) yield text;
  }
  const tail = decoder.decode();
  if (tail.length > 0) yield tail;
}

function columnIndexes(header: string[]): number[] {
  const names = header.map((h) => h.trim().toLowerCase());
  const missing = KITE_INSTRUMENT_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    throw new InstrumentCsvHeaderError(`not a Kite instruments CSV: header lacks ${missing.join(', ')}`);
  }
  return KITE_INSTRUMENT_COLUMNS.map((c) => names.indexOf(c));
}

/**
 * Streams Kite's `/instruments` CSV as validated instruments, in arrays of `batchSize`. Memory stays
 * bounded by one source chunk plus one batch. Rows that fail validation are counted and the first
 * `maxBadRows` are kept in `report.badRows`; they never stop the parse. A bad header throws.
 */
export function parseKiteInstrumentsCsv(source: CsvSource, options: ParseOptions = {}): KiteInstrumentsCsvParse {
  const batchSize = Math.max(1, options.batchSize ?? 2000);
  const maxBadRows = Math.max(0, options.maxBadRows ?? 100);
  const report: ParseReport = { rows: 0, badRowCount: 0, badRows: [], done: false };

  const addBad = (bad: BadRow) => {
    report.badRowCount++;
    if (report.badRows.length < maxBadRows) report.badRows.push(bad);
  };

  async function* run(): AsyncGenerator<KiteInstrument[]> {
    let idx: number[] | null = null;
    let width = 0;
    let headerError: InstrumentCsvHeaderError | null = null;
    let batch: KiteInstrument[] = [];
    const ready: KiteInstrument[][] = [];

    const onRecord = (rec: CsvRecord) => {
      if (headerError) return;
      if (idx === null) {
        try {
          idx = columnIndexes(rec.fields);
          width = rec.fields.length;
        } catch (err) {
          headerError = err instanceof InstrumentCsvHeaderError ? err : new InstrumentCsvHeaderError(String(err));
        }
        return;
      }
      const f = rec.fields;
      const raw = () => f.join(',').slice(0, RAW_PREVIEW_CHARS);
      if (f.length !== width) {
        addBad({ line: rec.line, reason: `expected ${width} fields, got ${f.length}`, raw: raw() });
        return;
      }
      const at = (k: number) => f[idx?.[k] ?? -1] ?? '';
      const row: KiteInstrumentRow = {
        instrument_token: at(0),
        exchange_token: at(1),
        tradingsymbol: at(2),
        name: at(3),
        last_price: at(4),
        expiry: at(5),
        strike: at(6),
        tick_size: at(7),
        lot_size: at(8),
        instrument_type: at(9),
        segment: at(10),
        exchange: at(11),
      };
      const parsed = KiteInstrumentRowSchema.safeParse(row);
      if (!parsed.success) {
        const reason = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
        addBad({ line: rec.line, reason, raw: raw() });
        return;
      }
      batch.push(parsed.data);
      report.rows++;
      if (batch.length >= batchSize) {
        ready.push(batch);
        batch = [];
      }
    };

    const splitter = new CsvRecordSplitter(
      onRecord,
      (fault) => {
        if (idx === null && !headerError) headerError = new InstrumentCsvHeaderError(`line ${fault.line}: ${fault.reason}`);
        else addBad(fault);
      },
      options.maxRecordChars,
    );

    for await (const text of textChunks(source)) {
      splitter.push(text);
      if (headerError) throw headerError;
      while (ready.length > 0) yield ready.shift() ?? [];
    }
    splitter.end();
    if (headerError) throw headerError;
    if (idx === null) throw new InstrumentCsvHeaderError('empty input: no header row');
    while (ready.length > 0) yield ready.shift() ?? [];
    if (batch.length > 0) yield batch;
    report.done = true;
  }

  let iterated = false;
  return {
    report,
    [Symbol.asyncIterator]: () => {
      // A Readable can only be consumed once, and a second pass would double-count the report.
      if (iterated) throw new Error('parseKiteInstrumentsCsv result can only be iterated once');
      iterated = true;
      return run();
    },
  };
}

/** Convenience for small inputs (the bundled master, tests): every instrument in one array. */
export async function parseKiteInstrumentsCsvAll(
  source: CsvSource,
  options: ParseOptions = {},
): Promise<{ instruments: KiteInstrument[]; report: ParseReport }> {
  const parse = parseKiteInstrumentsCsv(source, options);
  const instruments: KiteInstrument[] = [];
  for await (const batch of parse) instruments.push(...batch);
  return { instruments, report: parse.report };
}
