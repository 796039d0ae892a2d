import 'server-only';
import { getEnv } from '@/lib/env';
import { scheduleDailyInstrumentSync } from '@/lib/instruments/schedule-instrument-sync';
import { startDefaultJobWorker } from '@/lib/jobs/start-default-job-worker';
import { startPaperEngine } from '@/lib/paper/engine/engine-loop';

/**
 * Work that runs while a long-lived server runs: the job worker (analyses), the paper-trading
 * engine and the daily instrument sync. On serverless hosts the same work runs from the cron
 * routes in vercel.json instead.
 */
export function startBackgroundWork(): void {
  if (!getEnv().BACKGROUND_WORK) return;
  startDefaultJobWorker();
  startPaperEngine();
  scheduleDailyInstrumentSync();
}
