import 'server-only';
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { istDateString, type IstDate } from '@/lib/market/calendar/ist';
import { bundledDerivatives } from './bundled-derivatives';
import { parseKiteInstrumentsCsvAll } from './parse-csv';
import type { KiteInstrument } from './schemas';

/** Absolute path of the bundled instrument master (Kite CSV format, CRLF line endings). */
export function bundledInstrumentsCsvPath(): string {
  // Next's server bundles rewrite import.meta.url, so fall back to the project folder (the file is
  // copied into the standalone output by outputFileTracingIncludes).
  const beside = fileURLToPath(new URL('./data/bundled-instruments.csv', import.meta.url));
  if (existsSync(beside)) return beside;
  return path.join(/*turbopackIgnore: true*/ process.cwd(), 'lib', 'instruments', 'data', 'bundled-instruments.csv');
}

/** Parses the bundled CSV (equities and indices); it ships with the app, so any bad row is a bug and throws. */
export async function loadBundledCsv(): Promise<KiteInstrument[]> {
  const { instruments, report } = await parseKiteInstrumentsCsvAll(createReadStream(bundledInstrumentsCsvPath()));
  if (report.badRowCount > 0) {
    const first = report.badRows[0];
    throw new Error(`bundled instruments CSV has ${report.badRowCount} bad rows (first: line ${first?.line}: ${first?.reason})`);
  }
  return instruments;
}

/** The bundled master on an IST date: the CSV plus the index F&O contracts listed that day. */
export async function loadBundledInstruments({ today = istDateString(new Date()) }: { today?: IstDate } = {}): Promise<KiteInstrument[]> {
  return [...(await loadBundledCsv()), ...bundledDerivatives(today)];
}
