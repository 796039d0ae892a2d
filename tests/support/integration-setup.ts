import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';

// Each test file gets its own database: Postgres files share the run's migrated database (they make
// their own users), PGlite files get a fresh embedded database in a temporary folder.
const databaseUrl = inject('databaseUrl');
const dataDir = mkdtempSync(path.join(tmpdir(), 'tradedeck-it-'));
process.env.DATA_DIR = dataDir;
if (databaseUrl) process.env.DATABASE_URL = databaseUrl;
else delete process.env.DATABASE_URL;

beforeAll(async () => {
  if (databaseUrl) return;
  const { dbAdapterFactory } = await import('@/lib/db/client');
  const { applyPendingMigrations } = await import('@/lib/db/migrate');
  await applyPendingMigrations({ adapterFactory: dbAdapterFactory() });
});

afterAll(async () => {
  const { disconnectDb } = await import('@/lib/db/client');
  await disconnectDb();
  rmSync(dataDir, { recursive: true, force: true });
});
