import 'server-only';
import { Decimal } from 'decimal.js';
import type { UserId } from '@/lib/auth/user-id';
import { isUniqueViolation } from '@/lib/db/errors';
import { withUserTx, type Tx } from '@/lib/db/rls';
import { OPENING_BALANCE } from '@/lib/paper/account/opening-balance';

export type PaperAccountSummary = {
  id: string;
  openingBalance: string;
  cash: string;
  createdAt: Date;
};

function summarize(account: { id: string; openingBalance: { toString(): string }; cash: { toString(): string }; createdAt: Date }): PaperAccountSummary {
  return {
    id: account.id,
    openingBalance: new Decimal(account.openingBalance.toString()).toFixed(2),
    cash: new Decimal(account.cash.toString()).toFixed(2),
    createdAt: account.createdAt,
  };
}

async function findActive(tx: Tx, userId: UserId) {
  return tx.paperAccount.findFirst({ where: { userId, activeUserId: userId } });
}

/** The user's active paper account, opened with ₹1,00,000 on first use. */
export async function getPaperAccount({ userId }: { userId: UserId }): Promise<PaperAccountSummary> {
  try {
    return await withUserTx(userId, async (tx) => {
      const existing = await findActive(tx, userId);
      if (existing) return summarize(existing);
      const created = await tx.paperAccount.create({
        data: { userId, activeUserId: userId, openingBalance: OPENING_BALANCE.toFixed(2) },
      });
      await tx.ledgerEntry.create({
        data: { userId, accountId: created.id, kind: 'OPENING_BALANCE', amount: OPENING_BALANCE.toFixed(2), note: 'Opening balance' },
      });
      // The ledger trigger has credited the opening balance to the row since it was created.
      return summarize(await tx.paperAccount.findFirstOrThrow({ where: { id: created.id, userId } }));
    });
  } catch (error) {
    // Two first visits raced and the other one opened the account: read theirs.
    if (!isUniqueViolation(error)) throw error;
    return withUserTx(userId, async (tx) => {
      const existing = await findActive(tx, userId);
      if (!existing) throw error;
      return summarize(existing);
    });
  }
}
