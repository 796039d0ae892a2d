import type { UserId } from '@/lib/auth/user-id';
import { db } from '@/lib/db/client';
import { withUserTx } from '@/lib/db/rls';
import { getPaperAccount } from '@/lib/paper/account/get-paper-account';
import { reconcileAccount } from '@/lib/paper/reconcile/reconcile-account';

/** Net open quantity across the user's position rows (the positions view hides closed rows of earlier days). */
export async function netQuantity(userId: string): Promise<number> {
  const rows = await db().paperPosition.findMany({ where: { userId }, select: { quantity: true } });
  return rows.reduce((sum, row) => sum + row.quantity, 0);
}

/** The reconciliation drifts of the user's active paper account (an empty list when it reconciles). */
export async function drifts(userId: UserId) {
  const account = await getPaperAccount({ userId });
  return withUserTx(userId, (tx) => reconcileAccount(tx, userId, account.id));
}
