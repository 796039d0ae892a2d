import 'server-only';
import { db } from '@/lib/db/client';

const MAX_ERROR_LENGTH = 1000;

// Every update checks lockedBy: a worker whose job was re-queued as stuck and claimed by another
// must not overwrite the newer run's outcome.
export async function markJobSucceeded({ id, workerId }: { id: string; workerId: string }): Promise<boolean> {
  const { count } = await db().job.updateMany({
    where: { id, lockedBy: workerId, status: 'RUNNING' },
    data: { status: 'SUCCEEDED', finishedAt: new Date(), lockedAt: null, lastError: null },
  });
  return count === 1;
}

export async function markJobFailed({ id, workerId, error }: { id: string; workerId: string; error: string }): Promise<boolean> {
  const { count } = await db().job.updateMany({
    where: { id, lockedBy: workerId, status: 'RUNNING' },
    data: { status: 'FAILED', finishedAt: new Date(), lockedAt: null, lastError: error.slice(0, MAX_ERROR_LENGTH) },
  });
  return count === 1;
}

export async function requeueJob({ id, workerId, error, delayMs }: { id: string; workerId: string; error: string; delayMs: number }): Promise<boolean> {
  const { count } = await db().job.updateMany({
    where: { id, lockedBy: workerId, status: 'RUNNING' },
    data: { status: 'QUEUED', runAt: new Date(Date.now() + delayMs), lockedAt: null, lockedBy: null, lastError: error.slice(0, MAX_ERROR_LENGTH) },
  });
  return count === 1;
}
