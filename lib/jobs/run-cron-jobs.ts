import 'server-only';
import { randomUUID } from 'node:crypto';
import { defaultJobHandlers } from './default-job-handlers';
import { requeueStuckJobs } from './requeue-stuck-jobs';
import { runDueJobs } from './run-due-jobs';
import { STUCK_AFTER_MS } from './start-job-worker';

/** One serverless pass: re-queue stuck jobs, then run a bounded number of due ones. */
export async function runCronJobs({ maxJobs = 5 }: { maxJobs?: number } = {}) {
  const handlers = defaultJobHandlers();
  const stuck = await requeueStuckJobs({ stuckAfterMs: STUCK_AFTER_MS, handlers });
  const ran = await runDueJobs({ handlers, workerId: `cron:${randomUUID().slice(0, 8)}`, maxJobs });
  return { ...ran, requeued_stuck: stuck.requeued, failed_stuck: stuck.failed };
}
