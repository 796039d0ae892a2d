import 'server-only';
import type { UserId } from '@/lib/auth/user-id';
import { withUserTx } from '@/lib/db/rls';
import { getPaperAccount, type PaperAccountSummary } from '@/lib/paper/account/get-paper-account';
import { ledgerBalance, lockActiveAccount } from '@/lib/paper/account/lock-account';
import { sqlOf } from '@/lib/db/user-sql';
import { liveOrders } from '@/lib/paper/orders/live-orders';
import { cancelOrder } from '@/lib/paper/orders/run-order';

/**
 * Closes the active account (open orders cancelled, margin released, a RESET entry recording the
 * final balance) and opens a fresh one with ₹1,00,000. The old account and its history stay readable.
 */
export async function resetPaperAccount({ userId }: { userId: UserId }): Promise<PaperAccountSummary> {
  await getPaperAccount({ userId });
  await withUserTx(userId, async (tx) => {
    const account = await lockActiveAccount(tx, userId);
    const live = await liveOrders(sqlOf(tx), { userId, accountId: account.id });
    for (const order of live) {
      await cancelOrder(tx, { userId, order, message: 'Cancelled: account reset.', releaseNote: 'Margin released: account reset' });
    }
    const balance = await ledgerBalance(tx, userId, account.id);
    await tx.ledgerEntry.create({ data: { userId, accountId: account.id, kind: 'RESET', amount: '0.00', note: `Account reset; closing balance ₹${balance.toFixed(2)}` } });
    await tx.paperAccount.update({ where: { id: account.id }, data: { activeUserId: null, closedAt: new Date() } });
  });
  return getPaperAccount({ userId });
}
