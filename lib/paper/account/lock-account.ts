import 'server-only';
import { Decimal } from 'decimal.js';
import type { UserId } from '@/lib/auth/user-id';
import type { Tx } from '@/lib/db/rls';
import { notFound } from '@/lib/errors';

/**
 * Locks the user's active paper account row for the rest of the transaction. Every change to an
 * account's money, orders or positions takes this lock first, so concurrent requests queue up
 * and each sees the ledger the previous one left: nobody spends the same rupee twice.
 */
export async function lockActiveAccount(tx: Tx, userId: UserId): Promise<{ id: string }> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "PaperAccount" WHERE "activeUserId" = ${userId}::uuid AND "userId" = ${userId}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row) throw notFound('Paper account');
  return row;
}

/**
 * The same lock as a statement without parameters for withUserSql's `first` (lib/db/user-sql.ts),
 * where the user is the unit of work's own (app.user_id). No row means no active account.
 */
export const LOCK_ACTIVE_ACCOUNT_SQL = `SELECT id FROM "PaperAccount"
  WHERE "activeUserId" = current_setting('app.user_id')::uuid AND "userId" = current_setting('app.user_id')::uuid FOR UPDATE`;

/** Cash available to trade: the ledger's sum (margin blocks are negative entries), kept on the account row. */
export async function ledgerBalance(tx: Tx, userId: UserId, accountId: string): Promise<Decimal> {
  const account = await tx.paperAccount.findFirst({ where: { id: accountId, userId }, select: { cash: true } });
  return new Decimal(account?.cash.toString() ?? '0');
}
