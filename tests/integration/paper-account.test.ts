import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { getPaperAccount } from '@/lib/paper/account/get-paper-account';
import { createTestUser } from '../support/users';

describe('paper account', () => {
  it('opens once with ₹1,00,000 recorded in the ledger', async () => {
    const user = await createTestUser();
    const first = await getPaperAccount({ userId: user.id });
    const again = await getPaperAccount({ userId: user.id });
    expect(first).toMatchObject({ openingBalance: '100000.00', cash: '100000.00' });
    expect(again.id).toBe(first.id);
    const ledger = await db().ledgerEntry.findMany({ where: { userId: user.id } });
    expect(ledger.map((entry) => [entry.kind, entry.amount.toFixed(2)])).toEqual([['OPENING_BALANCE', '100000.00']]);
  });

  it('opens exactly one account when first visits race', async () => {
    const user = await createTestUser();
    const accounts = await Promise.all(Array.from({ length: 5 }, () => getPaperAccount({ userId: user.id })));
    expect(new Set(accounts.map((account) => account.id)).size).toBe(1);
    expect(await db().paperAccount.count({ where: { userId: user.id } })).toBe(1);
    expect(await db().ledgerEntry.count({ where: { userId: user.id } })).toBe(1);
  });
});
