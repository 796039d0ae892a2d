import type { UserId } from '@/lib/auth/user-id';

export type ClaimedJob = {
  id: string;
  kind: string;
  /** The user the job works for; every read and write of user data is re-scoped to it. */
  ownerId: UserId | null;
  payload: unknown;
  /** Including this run. */
  attempts: number;
  maxAttempts: number;
};

export type JobContext = {
  /** Aborts when the job's overall time budget runs out. */
  signal: AbortSignal;
  /** True when a failure now will not be retried. */
  lastAttempt: boolean;
};

export type JobHandler = {
  run: (job: ClaimedJob, context: JobContext) => Promise<void>;
  /** Called once when the job fails for good (including after being found stuck too often). */
  onFailed?: (job: Pick<ClaimedJob, 'id' | 'kind' | 'ownerId' | 'payload'>, reason: string) => Promise<void>;
};

export type JobHandlers = Readonly<Record<string, JobHandler>>;

/** Thrown by a handler for an expected, passing failure (rate limits, outages): retried without an error log. */
export class RetryableJobError extends Error {
  override name = 'RetryableJobError';
}
