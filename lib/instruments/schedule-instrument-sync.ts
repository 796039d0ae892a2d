import 'server-only';
import { getEnv } from '@/lib/env';
import { seedBundledInstruments } from '@/lib/instruments/seed-bundled';
import { syncKiteInstruments } from '@/lib/instruments/sync-kite-instruments';
import { logError, logInfo } from '@/lib/log';

const DAY_MS = 24 * 60 * 60 * 1000;
const IST_OFFSET_MS = 330 * 60 * 1000;

/** Kite publishes the day's dump before the open; 08:30 IST is Zerodha's advice. */
export function nextSyncAt(now: Date, hourIst = 8, minuteIst = 30): Date {
  const ist = new Date(now.getTime() + IST_OFFSET_MS);
  const today = Date.UTC(ist.getUTCFullYear(), ist.getUTCMonth(), ist.getUTCDate(), hourIst, minuteIst) - IST_OFFSET_MS;
  return new Date(today > now.getTime() ? today : today + DAY_MS);
}

let timer: NodeJS.Timeout | undefined;

async function syncFromKite(): Promise<void> {
  const report = await syncKiteInstruments();
  logInfo('instruments.sync', { rows: report.rows, upserted: report.upserted, badRows: report.badRowCount, ms: report.ms });
}

async function rollBundled(): Promise<void> {
  const { seeded } = await seedBundledInstruments();
  if (seeded > 0) logInfo('instruments', { seeded, source: 'bundled' });
}

/**
 * For long-lived servers (serverless hosts use /api/cron/instruments): daily at 08:30 IST, syncs the
 * instrument master from Kite when Kite is configured (KITE_API_ROOT or a platform app), otherwise
 * adds the bundled set's contracts for the new day, so the F&O months roll without a restart.
 * Every instance may run it: both imports are idempotent.
 */
export function scheduleDailyInstrumentSync(): void {
  const env = getEnv();
  if (timer) return;
  const job = env.KITE_API_ROOT || env.KITE_API_KEY ? syncFromKite : rollBundled;
  const arm = () => {
    timer = setTimeout(async () => {
      try {
        await job();
      } catch (error) {
        logError('instruments.sync', error);
      }
      arm();
    }, nextSyncAt(new Date()).getTime() - Date.now());
    timer.unref();
  };
  arm();
}
