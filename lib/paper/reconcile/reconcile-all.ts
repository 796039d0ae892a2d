import 'server-only';
import { trustedUserId } from '@/lib/auth/user-id';
import { db } from '@/lib/db/client';
import { withUserTx } from '@/lib/db/rls';
import { reconcileAccount, type Drift } from './reconcile-account';

/** Reconciles every paper account (active and closed), each as its owner under row-level security. */
export async function reconcileAllAccounts(): Promise<{ accounts: number; drifts: (Drift & { accountId: string })[] }> {
  const accounts = await db().paperAccount.findMany({ select: { id: true, userId: true } });
  const drifts: (Drift & { accountId: string })[] = [];
  for (const account of accounts) {
    const found = await withUserTx(trustedUserId(account.userId), (tx) => reconcileAccount(tx, trustedUserId(account.userId), account.id));
    drifts.push(...found.map((drift) => ({ ...drift, accountId: account.id })));
  }
  return { accounts: accounts.length, drifts };
}
