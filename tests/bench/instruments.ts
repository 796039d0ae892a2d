// npm run bench:instruments [-- --rows 100000]
// Imports a synthetic 100k-row Kite instruments CSV (streamed, as the daily sync does) into a fresh
// Postgres database (BENCH_DB=pglite: a fresh embedded one) twice: the first import inserts, the second
// proves the sync is idempotent. Prints rows/s and peak memory (RSS). Target: < 10 s, < 300 MB.
//
// By default it runs itself with a 192 MB V8 heap cap, the budget a small container would give the
// sync: the import's live memory is small, but uncapped V8 lets short-lived garbage pile up to
// whatever the machine offers before collecting. `--uncapped` measures that case too.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createTestDatabase } from '../support/test-database';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, uncapped: { type: 'boolean', default: false } } });
const rows = Number(values.rows);
const HEAP_CAP_MB = 192;
if (!values.uncapped && !process.env.BENCH_INSTRUMENTS_CHILD) {
  console.log(`V8 heap capped at ${HEAP_CAP_MB} MB (pass --uncapped to measure without a cap)`);
  const child = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_CAP_MB}`, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_INSTRUMENTS_CHILD: '1' },
  });
  process.exit(child.status ?? 1);
}
const dataDir = mkdtempSync(path.join(tmpdir(), 'tradedeck-bench-instruments-'));
process.env.DATA_DIR = dataDir;
const database = process.env.BENCH_DB === 'pglite' ? null : await createTestDatabase('tradedeck_bench_instruments');
if (database) process.env.DATABASE_URL = database.url;
else delete process.env.DATABASE_URL;

// Migrations run in a separate process, as a deployment's migrate step does: the schema engine's
// WebAssembly would otherwise sit in this process's memory and be counted as the import's.
if (database) {
  const migrate = spawnSync(process.execPath, [...process.execArgv, 'scripts/db.ts', 'migrate'], { stdio: 'inherit', env: process.env });
  if (migrate.status !== 0) throw new Error('migrations failed');
}
const { dbAdapterFactory, dbMode, disconnectDb, db } = await import('@/lib/db/client');
const { applyPendingMigrations } = await import('@/lib/db/migrate');
const { importInstrumentsCsv } = await import('@/lib/instruments/sync-kite-instruments');
const { syntheticInstrumentsCsv } = await import('@/lib/instruments/synthetic-instruments');

let peakRss = process.memoryUsage().rss;
let peakHeap = process.memoryUsage().heapUsed;
const sampler = setInterval(() => {
  const usage = process.memoryUsage();
  peakRss = Math.max(peakRss, usage.rss);
  peakHeap = Math.max(peakHeap, usage.heapUsed);
}, 20);

async function* chunks(): AsyncGenerator<string> {
  yield* syntheticInstrumentsCsv({ rows, seed: 42, startDate: '2026-12-01' });
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
try {
  // PGlite lives in this process, so the embedded database is migrated here.
  if (!database) await applyPendingMigrations({ adapterFactory: dbAdapterFactory() });
  const baseline = process.memoryUsage().rss;
  for (const pass of ['insert', 'idempotent re-import'] as const) {
    const report = await importInstrumentsCsv({ source: chunks(), label: 'bench' });
    const seconds = report.ms / 1000;
    console.log(
      `${pass.padEnd(22)} ${report.rows} rows (${report.upserted} written, ${report.badRowCount} bad) in ${seconds.toFixed(2)} s = ${Math.round(report.rows / seconds)} rows/s`,
    );
    if (report.rows !== rows) throw new Error(`expected ${rows} rows, parsed ${report.rows}`);
  }
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  console.log(`database: ${dbMode()}; rows in master: ${await db().instrument.count()}`);
  console.log(`peak memory: RSS ${mb(peakRss)} (baseline after start-up ${mb(baseline)}, so the import itself ${mb(peakRss - baseline)}), JS heap used ${mb(peakHeap)}`);
} finally {
  clearInterval(sampler);
  await disconnectDb();
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
}
