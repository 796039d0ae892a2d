import 'server-only';
import { logError, logInfo } from '@/lib/log';
import { claimNextJob } from './claim-next-job';
import { markJobFailed, markJobSucceeded, requeueJob } from './finish-job';
import { RetryableJobError, type ClaimedJob, type JobHandlers } from './job-types';

export type RunJobsOptions = {
  handlers: JobHandlers;
  workerId: string;
  /** Stop after this many jobs, so one cron call stays within its time limit. */
  maxJobs?: number;
  /** The overall time budget of one job run. */
  jobTimeoutMs?: number;
  /** Delay before a retryable failure runs again, multiplied by the attempt number. */
  retryDelayMs?: number;
};

export const DEFAULT_JOB_TIMEOUT_MS = 120_000;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function runOne(job: ClaimedJob, options: Required<Omit<RunJobsOptions, 'maxJobs'>>): Promise<'succeeded' | 'retry' | 'failed'> {
  const handler = options.handlers[job.kind];
  const lastAttempt = job.attempts >= job.maxAttempts;
  const signal = AbortSignal.timeout(options.jobTimeoutMs);
  try {
    if (!handler) throw new Error(`No handler for job kind ${job.kind}.`);
    await handler.run(job, { signal, lastAttempt });
    await markJobSucceeded({ id: job.id, workerId: options.workerId });
    return 'succeeded';
  } catch (error) {
    const message = messageOf(error);
    // An unexpected error (a database blip, a bug) is logged and also retried: attempts bound it.
    if (!(error instanceof RetryableJobError)) logError(`job ${job.kind}`, error);
    if (!lastAttempt) {
      await requeueJob({ id: job.id, workerId: options.workerId, error: message, delayMs: options.retryDelayMs * job.attempts });
      return 'retry';
    }
    const stillOurs = await markJobFailed({ id: job.id, workerId: options.workerId, error: message });
    if (stillOurs) await handler?.onFailed?.(job, message);
    return 'failed';
  }
}

/** Claims and runs due jobs one after another until none is left (or maxJobs ran). */
export async function runDueJobs(options: RunJobsOptions): Promise<{ succeeded: number; retried: number; failed: number }> {
  const settings = {
    handlers: options.handlers,
    workerId: options.workerId,
    jobTimeoutMs: options.jobTimeoutMs ?? DEFAULT_JOB_TIMEOUT_MS,
    retryDelayMs: options.retryDelayMs ?? 30_000,
  };
  const counts = { succeeded: 0, retried: 0, failed: 0 };
  const kinds = Object.keys(options.handlers);
  for (let ran = 0; ran < (options.maxJobs ?? Number.POSITIVE_INFINITY); ran++) {
    const job = await claimNextJob({ workerId: options.workerId, kinds });
    if (!job) break;
    const outcome = await runOne(job, settings);
    if (outcome === 'succeeded') counts.succeeded++;
    else if (outcome === 'retry') counts.retried++;
    else counts.failed++;
    logInfo('job', { kind: job.kind, id: job.id, attempt: job.attempts, outcome });
  }
  return counts;
}
