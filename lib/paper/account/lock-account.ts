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

/** Cash available to trade: the sum of the account's ledger (margin blocks are negative entries). */
export async function ledgerBalance(tx: Tx, userId: UserId, accountId: string): Promise<Decimal> {
  const sum = await tx.ledgerEntry.aggregate({ where: { accountId, userId }, _sum: { amount: true } });
  return new Decimal(sum._sum.amount?.toString() ?? '0');
}
