import 'server-only';
import { trustedUserId } from '@/lib/auth/user-id';
import { db } from '@/lib/db/client';
import type { ClaimedJob } from './job-types';

type Row = { id: string; kind: string; ownerId: string | null; payload: unknown; attempts: number; maxAttempts: number };

/**
 * Claims the oldest due job in one statement. FOR UPDATE SKIP LOCKED makes concurrent workers
 * (threads or server instances) pass over a row another worker is claiming, so a job is handed
 * to exactly one of them; the status change commits with the claim.
 */
export async function claimNextJob({ workerId, kinds }: { workerId: string; kinds: readonly string[] }): Promise<ClaimedJob | null> {
  if (kinds.length === 0) return null;
  const rows = await db().$queryRaw<Row[]>`
    UPDATE "Job" SET status = 'RUNNING', "lockedAt" = now(), "lockedBy" = ${workerId}, attempts = attempts + 1
    WHERE id = (
      SELECT id FROM "Job"
      WHERE status = 'QUEUED' AND "runAt" <= now() AND kind = ANY(${[...kinds]}::text[])
      ORDER BY "runAt", "createdAt"
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, kind, "ownerId", payload, attempts, "maxAttempts"`;
  const row = rows[0];
  if (!row) return null;
  return { ...row, ownerId: row.ownerId === null ? null : trustedUserId(row.ownerId) };
}
