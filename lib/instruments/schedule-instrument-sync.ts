import 'server-only';
import { getEnv } from '@/lib/env';
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

/**
 * For long-lived servers (serverless hosts use /api/cron/instruments): syncs the instrument master
 * daily at 08:30 IST when Kite is configured (KITE_API_ROOT or a platform app); otherwise the bundled
 * set stays. Every instance may run it: the import is idempotent.
 */
export function scheduleDailyInstrumentSync(): void {
  const env = getEnv();
  if (timer || !(env.KITE_API_ROOT || env.KITE_API_KEY)) return;
  const arm = () => {
    timer = setTimeout(async () => {
      try {
        const report = await syncKiteInstruments();
        logInfo('instruments.sync', { rows: report.rows, upserted: report.upserted, badRows: report.badRowCount, ms: report.ms });
      } catch (error) {
        logError('instruments.sync', error);
      }
      arm();
    }, nextSyncAt(new Date()).getTime() - Date.now());
    timer.unref();
  };
  arm();
}
