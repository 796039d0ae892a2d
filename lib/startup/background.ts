import 'server-only';

/**
 * Work that runs while a long-lived server runs: the paper-trading engine and the job worker.
 * On serverless hosts the same work runs from cron routes instead (see README).
 */
export function startBackgroundWork(): void {
  // Filled in by the paper-trading engine and the job worker.
}
