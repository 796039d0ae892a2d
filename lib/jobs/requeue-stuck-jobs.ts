import 'server-only';
import { trustedUserId } from '@/lib/auth/user-id';
import { db } from '@/lib/db/client';
import type { JobHandlers } from './job-types';

type Row = { id: string; kind: string; ownerId: string | null; payload: unknown; status: 'QUEUED' | 'FAILED' };

const STUCK_MESSAGE = 'The worker running this job stopped (server restart or crash) before it finished.';

/**
 * Jobs left RUNNING longer than `stuckAfterMs` belong to a worker that died (a restart, a crash):
 * they go back to the queue, or fail for good when they have used all their attempts.
 */
export async function requeueStuckJobs({ stuckAfterMs, handlers }: { stuckAfterMs: number; handlers: JobHandlers }): Promise<{ requeued: number; failed: number }> {
  const cutoff = new Date(Date.now() - stuckAfterMs);
  const rows = await db().$queryRaw<Row[]>`
    UPDATE "Job" SET
      status = CASE WHEN attempts < "maxAttempts" THEN 'QUEUED'::"JobStatus" ELSE 'FAILED'::"JobStatus" END,
      "finishedAt" = CASE WHEN attempts < "maxAttempts" THEN NULL ELSE now() END,
      "runAt" = now(), "lockedAt" = NULL, "lockedBy" = NULL, "lastError" = ${STUCK_MESSAGE}
    WHERE id IN (
      SELECT id FROM "Job" WHERE status = 'RUNNING' AND "lockedAt" < ${cutoff}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, kind, "ownerId", payload, status`;
  for (const row of rows) {
    if (row.status !== 'FAILED') continue;
    const owner = row.ownerId === null ? null : trustedUserId(row.ownerId);
    await handlers[row.kind]?.onFailed?.({ id: row.id, kind: row.kind, ownerId: owner, payload: row.payload }, STUCK_MESSAGE);
  }
  return { requeued: rows.filter((r) => r.status === 'QUEUED').length, failed: rows.filter((r) => r.status === 'FAILED').length };
}
