import 'server-only';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { logError } from '@/lib/log';
import type { JobHandlers } from './job-types';
import { requeueStuckJobs } from './requeue-stuck-jobs';
import { DEFAULT_JOB_TIMEOUT_MS, runDueJobs } from './run-due-jobs';

export type JobWorker = { workerId: string; stop: () => Promise<void>; poke: () => void };

// Comfortably above the job timeout: a job still RUNNING after this lost its worker.
export const STUCK_AFTER_MS = DEFAULT_JOB_TIMEOUT_MS * 2 + 60_000;

/**
 * Polls the job table from inside a long-lived server. Several processes may each run one: the
 * claim query keeps them from running a job twice. `poke` runs a pass now (after an enqueue).
 */
export function startJobWorker(options: { handlers: JobHandlers; pollMs?: number; stuckAfterMs?: number; retryDelayMs?: number }): JobWorker {
  const workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const pollMs = options.pollMs ?? 1_000;
  let stopped = false;
  let running: Promise<void> | undefined;
  let again = false;
  let lastStuckSweep = 0;

  const pass = async () => {
    if (Date.now() - lastStuckSweep > 30_000) {
      lastStuckSweep = Date.now();
      await requeueStuckJobs({ stuckAfterMs: options.stuckAfterMs ?? STUCK_AFTER_MS, handlers: options.handlers });
    }
    await runDueJobs({ handlers: options.handlers, workerId, ...(options.retryDelayMs === undefined ? {} : { retryDelayMs: options.retryDelayMs }) });
  };

  const tick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = pass()
      .catch((error: unknown) => logError('job worker', error))
      .finally(() => {
        running = undefined;
        if (again && !stopped) {
          again = false;
          tick();
        }
      });
  };

  const timer = setInterval(tick, pollMs);
  timer.unref();
  tick();
  return {
    workerId,
    poke: tick,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
