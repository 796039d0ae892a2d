import 'server-only';
import { getAuthSecret } from '@/lib/auth/secret';
import { dbAdapterFactory, dbMode } from '@/lib/db/client';
import { applyPendingMigrations } from '@/lib/db/migrate';
import { getEnv } from '@/lib/env';
import { logInfo } from '@/lib/log';

/** Fails fast with a message naming what is wrong, then brings the database schema up to date. */
export async function prepareRuntime(): Promise<void> {
  const env = getEnv();
  getAuthSecret();
  if (!env.MIGRATE_ON_START) return;
  const { applied } = await applyPendingMigrations({ adapterFactory: dbAdapterFactory() });
  logInfo('migrations', { database: dbMode(), applied: applied.length, names: applied.join(',') });
}
