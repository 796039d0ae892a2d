import 'server-only';
import type { UserId } from '@/lib/auth/user-id';
import { withUserTx } from '@/lib/db/rls';
import type { Prisma } from '@/prisma/generated/client';
import { type PortfolioKind, SNAPSHOT_KIND } from './kinds';

export type Snapshot = { payload: unknown; fetchedAt: Date };

export async function readSnapshot({ userId, kind }: { userId: UserId; kind: PortfolioKind }): Promise<Snapshot | null> {
  const row = await withUserTx(userId, (tx) =>
    tx.portfolioSnapshot.findUnique({ where: { userId_kind: { userId, kind: SNAPSHOT_KIND[kind] } }, select: { payload: true, fetchedAt: true } }),
  );
  return row ? { payload: row.payload, fetchedAt: row.fetchedAt } : null;
}

/** Keeps only the newest copy per kind; an older fetch finishing late never overwrites a newer one. */
export async function saveSnapshot({ userId, kind, payload, fetchedAt }: { userId: UserId; kind: PortfolioKind; payload: unknown; fetchedAt: Date }): Promise<void> {
  const json = payload as Prisma.InputJsonValue;
  await withUserTx(userId, async (tx) => {
    const where = { userId_kind: { userId, kind: SNAPSHOT_KIND[kind] } };
    const updated = await tx.portfolioSnapshot.updateMany({
      where: { userId, kind: SNAPSHOT_KIND[kind], fetchedAt: { lt: fetchedAt } },
      data: { payload: json, fetchedAt },
    });
    if (updated.count === 0) {
      await tx.portfolioSnapshot.upsert({ where, create: { userId, kind: SNAPSHOT_KIND[kind], payload: json, fetchedAt }, update: {} });
    }
    await tx.kiteSession.updateMany({ where: { userId }, data: { lastSyncAt: fetchedAt } });
  });
}
