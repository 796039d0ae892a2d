import 'server-only';
import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseKiteInstrumentsCsvAll } from './parse-csv';
import type { KiteInstrument } from './schemas';

/** Absolute path of the bundled instrument master (Kite CSV format, CRLF line endings). */
export function bundledInstrumentsCsvPath(): string {
  return fileURLToPath(new URL('./data/bundled-instruments.csv', import.meta.url));
}

/** Parses the bundled master; it ships with the app, so any bad row is a bug and throws. */
export async function loadBundledInstruments(): Promise<KiteInstrument[]> {
  const { instruments, report } = await parseKiteInstrumentsCsvAll(createReadStream(bundledInstrumentsCsvPath()));
  if (report.badRowCount > 0) {
    const first = report.badRows[0];
    throw new Error(`bundled instruments CSV has ${report.badRowCount} bad rows (first: line ${first?.line}: ${first?.reason})`);
  }
  return instruments;
}
