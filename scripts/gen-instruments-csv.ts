/**
 * Writes a deterministic synthetic Kite instruments CSV (~100k rows: NSE/BSE equities, NFO/BFO index
 * and stock F&O chains, a little MCX and CDS) for import benchmarks and tests.
 *
 *   npx tsx --conditions=react-server scripts/gen-instruments-csv.ts <out.csv> [--rows 100000] [--seed 42] [--start 2026-12-01] [--lf]
 */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { syntheticInstrumentsCsv } from '@/lib/instruments/synthetic-instruments';

const USAGE = 'usage: gen-instruments-csv.ts <out.csv> [--rows N] [--seed N] [--start yyyy-mm-dd] [--lf]';

function positiveInt(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new Error(`${flag} must be a positive integer, got ${value}`);
  return Number(value);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      rows: { type: 'string' },
      seed: { type: 'string' },
      start: { type: 'string' },
      lf: { type: 'boolean', default: false },
    },
  });
  const out = positionals[0];
  if (!out || positionals.length > 1) throw new Error(USAGE);
  const start = values.start ?? '2026-12-01';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start)) throw new Error(`--start must be yyyy-mm-dd, got ${start}`);
  const rows = positiveInt(values.rows, 100_000, '--rows');
  const startedAt = performance.now();
  await pipeline(
    Readable.from(syntheticInstrumentsCsv({ rows, seed: positiveInt(values.seed, 42, '--seed'), startDate: start, lineEnding: values.lf ? '\n' : '\r\n' })),
    createWriteStream(out),
  );
  console.log(`wrote ${rows} instruments to ${out} in ${Math.round(performance.now() - startedAt)} ms`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
