import 'server-only';
import type { UserId } from '@/lib/auth/user-id';
import type { Tx } from '@/lib/db/rls';
import type { Prisma } from '@/prisma/generated/client';

const APP_ROLE = 'tradedeck_app';

export type NewJob = { kind: string; ownerId: UserId; payload: Prisma.InputJsonValue; maxAttempts?: number };

/**
 * Adds a job inside a user's unit of work (withUserTx), so the job commits or rolls back together
 * with the rows it works on. The Job table is infrastructure and closed to the RLS role, so the
 * insert runs as the connecting role for that one statement, then the transaction drops back.
 */
export async function enqueueJobInUserTx(tx: Tx, job: NewJob): Promise<string> {
  return asConnectingRole(tx, async () => {
    const created = await tx.job.create({
      data: { kind: job.kind, ownerId: job.ownerId, payload: job.payload, maxAttempts: job.maxAttempts ?? 3 },
      select: { id: true },
    });
    return created.id;
  });
}

/**
 * How many jobs of a kind a user has had since a time. Jobs outlive what they worked on, so this
 * counts usage that deleting an analysis does not undo (the daily analysis quota).
 */
export async function countJobsInUserTx(tx: Tx, { ownerId, kind, since }: { ownerId: UserId; kind: string; since: Date }): Promise<number> {
  return asConnectingRole(tx, () => tx.job.count({ where: { ownerId, kind, createdAt: { gte: since } } }));
}

async function asConnectingRole<T>(tx: Tx, fn: () => Promise<T>): Promise<T> {
  await tx.$executeRawUnsafe('RESET ROLE');
  try {
    return await fn();
  } finally {
    await tx.$executeRawUnsafe(`SET LOCAL ROLE ${APP_ROLE}`);
  }
}
