import 'server-only';
import { getEnv } from '@/lib/env';
import { importInstruments } from '@/lib/instruments/import-instruments';
import { InstrumentCsvHeaderError, parseKiteInstrumentsCsv, type BadRow } from '@/lib/instruments/parse-csv';
import type { CsvSource } from '@/lib/instruments/parse-csv';

export type SyncReport = { rows: number; upserted: number; badRowCount: number; badRows: BadRow[]; ms: number };

export class InstrumentSyncError extends Error {
  override name = 'InstrumentSyncError';
}

const DEFAULT_ROOT = 'https://api.kite.trade';
const TIMEOUT_MS = 120_000;
// A real master has ~100k rows; a dump this much smaller is truncated or an error page.
const MIN_ROWS = 10;

/** Imports a Kite-format CSV from any source, batch by batch, so memory stays bounded. Idempotent. */
export async function importInstrumentsCsv({ source, label }: { source: CsvSource; label: string }): Promise<SyncReport> {
  const started = performance.now();
  const parse = parseKiteInstrumentsCsv(source, { batchSize: 500 });
  let upserted = 0;
  try {
    for await (const batch of parse) upserted += (await importInstruments({ instruments: batch, source: label })).upserted;
  } catch (error) {
    if (error instanceof InstrumentCsvHeaderError) throw new InstrumentSyncError(`The instruments CSV has an unexpected header: ${error.message}`);
    throw error;
  }
  const { rows, badRowCount, badRows } = parse.report;
  return { rows, upserted, badRowCount, badRows: badRows.slice(0, 5), ms: Math.round(performance.now() - started) };
}

/**
 * The daily sync: streams Kite's public `/instruments` dump (no session needed) into the master.
 * Re-running it changes nothing that did not change at Kite.
 */
export async function syncKiteInstruments({ root = getEnv().KITE_API_ROOT ?? DEFAULT_ROOT }: { root?: string } = {}): Promise<SyncReport> {
  const response = await fetch(new URL('/instruments', root), {
    headers: { 'X-Kite-Version': '3' },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  }).catch(() => {
    throw new InstrumentSyncError('Kite did not answer the instruments download.');
  });
  if (!response.ok || !response.body) throw new InstrumentSyncError(`Kite answered the instruments download with HTTP ${response.status}.`);
  if (!(response.headers.get('content-type') ?? '').includes('text/csv')) throw new InstrumentSyncError('Kite did not send a CSV for the instruments download.');
  const report = await importInstrumentsCsv({ source: response.body as unknown as AsyncIterable<Uint8Array>, label: 'kite' });
  if (report.rows < MIN_ROWS) throw new InstrumentSyncError(`The instruments download had only ${report.rows} valid rows.`);
  return report;
}
