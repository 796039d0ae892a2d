import 'server-only';
import type { UserId } from '@/lib/auth/user-id';
import type { Tx } from '@/lib/db/rls';
import { notFound } from '@/lib/errors';

/** The account a read is about: the active one, or a closed one of the same user (old accounts stay viewable). */
export async function resolveAccount(tx: Tx, userId: UserId, accountId?: string) {
  const account = accountId
    ? await tx.paperAccount.findFirst({ where: { id: accountId, userId } })
    : await tx.paperAccount.findFirst({ where: { userId, activeUserId: userId } });
  if (!account) throw notFound('Paper account');
  return account;
}
