import 'server-only';
import { timingSafeEqual } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { defaultJobHandlers } from './default-job-handlers';
import { requeueStuckJobs } from './requeue-stuck-jobs';
import { runDueJobs } from './run-due-jobs';
import { STUCK_AFTER_MS } from './start-job-worker';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Checks `Authorization: Bearer <CRON_SECRET>` (what Vercel Cron sends). Without a secret the route is off. */
export function authorizeCron(request: Request): void {
  const secret = getEnv().CRON_SECRET;
  if (!secret) throw new AppError('not_found', 'Not found.');
  const header = request.headers.get('authorization') ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : '';
  if (!sameSecret(token, secret)) throw new AppError('unauthenticated', 'A valid cron secret is required.');
}

/** One serverless pass: re-queue stuck jobs, then run a bounded number of due ones. */
export async function runCronJobs({ maxJobs = 5 }: { maxJobs?: number } = {}) {
  const handlers = defaultJobHandlers();
  const stuck = await requeueStuckJobs({ stuckAfterMs: STUCK_AFTER_MS, handlers });
  const ran = await runDueJobs({ handlers, workerId: `cron:${randomUUID().slice(0, 8)}`, maxJobs });
  return { ...ran, requeued_stuck: stuck.requeued, failed_stuck: stuck.failed };
}
