import 'server-only';
import { getAuthSecret } from '@/lib/auth/secret';
import { assertEncryptionConfigured } from '@/lib/crypto/app-keyring';
import { dbAdapterFactory, dbMode } from '@/lib/db/client';
import { applyPendingMigrations } from '@/lib/db/migrate';
import { getEnv } from '@/lib/env';
import { seedBundledInstruments } from '@/lib/instruments/seed-bundled';
import { startBackgroundWork } from '@/lib/startup/background';
import { logInfo } from '@/lib/log';
import { holidayListReminder } from '@/lib/market/calendar/sessions';

/** Fails fast with a message naming what is wrong, then brings the database schema up to date. */
export async function prepareRuntime(): Promise<void> {
  const env = getEnv();
  getAuthSecret();
  assertEncryptionConfigured();
  if (env.MIGRATE_ON_START) {
    const { applied } = await applyPendingMigrations({ adapterFactory: dbAdapterFactory() });
    logInfo('migrations', { database: dbMode(), applied: applied.length, names: applied.join(',') });
  }
  const holidays = holidayListReminder(new Date());
  if (holidays !== null) logInfo('calendar.holidays', { reminder: holidays });
  const { seeded } = await seedBundledInstruments();
  if (seeded > 0) logInfo('instruments', { seeded, source: 'bundled' });
  startBackgroundWork();
}

/** A server without its configuration or schema must not serve half-working pages. */
export async function prepareRuntimeOrExit(): Promise<void> {
  try {
    await prepareRuntime();
  } catch (error) {
    console.error(`Tradedeck cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
