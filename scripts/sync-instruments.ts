// Syncs the instrument master from Kite's daily /instruments dump (or a local CSV file).
//   npx tsx --conditions=react-server scripts/sync-instruments.ts            # KITE_API_ROOT or api.kite.trade
//   npx tsx --conditions=react-server scripts/sync-instruments.ts file.csv   # a Kite-format CSV
import { createReadStream } from 'node:fs';
import { dbAdapterFactory, disconnectDb } from '@/lib/db/client';
import { applyPendingMigrations } from '@/lib/db/migrate';
import { importInstrumentsCsv, syncKiteInstruments } from '@/lib/instruments/sync-kite-instruments';

const file = process.argv[2];
try {
  await applyPendingMigrations({ adapterFactory: dbAdapterFactory() });
  const report = file ? await importInstrumentsCsv({ source: createReadStream(file), label: 'kite' }) : await syncKiteInstruments();
  console.log(JSON.stringify(report, null, 2));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
