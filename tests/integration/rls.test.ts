import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { withUserTx } from '@/lib/db/rls';
import { getPaperAccount } from '@/lib/paper/account/get-paper-account';
import { createTestUser } from '../support/users';

// These queries deliberately omit the userId filter: only row-level security stands between users.
describe('row-level security', () => {
  it('shows a user only their own rows, even to unscoped queries', async () => {
    const alice = await createTestUser('alice');
    const bob = await createTestUser('bob');
    const aliceAccount = await getPaperAccount({ userId: alice.id });
    const bobAccount = await getPaperAccount({ userId: bob.id });

    const seenByAlice = await withUserTx(alice.id, (tx) => tx.paperAccount.findMany({ where: { id: { in: [aliceAccount.id, bobAccount.id] } } }));
    expect(seenByAlice.map((account) => account.id)).toEqual([aliceAccount.id]);

    const ledgerSeenByBob = await withUserTx(bob.id, (tx) => tx.ledgerEntry.findMany({ where: { accountId: { in: [aliceAccount.id, bobAccount.id] } } }));
    expect(ledgerSeenByBob).toHaveLength(1);
    expect(ledgerSeenByBob[0]?.userId).toBe(bob.id);
  });

  it("cannot change or delete another user's rows", async () => {
    const alice = await createTestUser('alice');
    const bob = await createTestUser('bob');
    const bobAccount = await getPaperAccount({ userId: bob.id });

    const updated = await withUserTx(alice.id, (tx) => tx.ledgerEntry.updateMany({ where: { accountId: bobAccount.id }, data: { amount: '1' } }));
    const deleted = await withUserTx(alice.id, (tx) => tx.paperAccount.deleteMany({ where: { id: bobAccount.id } }));
    expect(updated.count).toBe(0);
    expect(deleted.count).toBe(0);
    expect((await getPaperAccount({ userId: bob.id })).cash).toBe('100000.00');
  });

  it("cannot write a row that belongs to another user", async () => {
    const alice = await createTestUser('alice');
    const bob = await createTestUser('bob');
    const bobAccount = await getPaperAccount({ userId: bob.id });
    await expect(
      withUserTx(alice.id, (tx) =>
        tx.ledgerEntry.create({ data: { userId: bob.id, accountId: bobAccount.id, kind: 'TRADE_CREDIT', amount: '5000' } }),
      ),
    ).rejects.toThrow();
    expect((await getPaperAccount({ userId: bob.id })).cash).toBe('100000.00');
  });

  it('sees nothing without a user context', async () => {
    const alice = await createTestUser('alice');
    const account = await getPaperAccount({ userId: alice.id });
    const rows = await db().$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL ROLE tradedeck_app');
      return tx.paperAccount.findMany({ where: { id: account.id } });
    });
    expect(rows).toEqual([]);
  });

  it('keeps auth tables out of reach inside a user context', async () => {
    const alice = await createTestUser('alice');
    await expect(withUserTx(alice.id, (tx) => tx.user.findMany({ take: 1 }))).rejects.toThrow();
  });

  it('puts every table with a userId column under forced row-level security with a policy', async () => {
    const tables = await db().$queryRaw<{ table: string; rls: boolean; forced: boolean; policies: number }[]>`
      SELECT c.relname AS table, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
             (SELECT count(*)::int FROM pg_policies p WHERE p.tablename = c.relname) AS policies
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      WHERE c.relkind = 'r' AND EXISTS (
        SELECT 1 FROM information_schema.columns col
        WHERE col.table_schema = 'public' AND col.table_name = c.relname AND col.column_name = 'userId')`;
    const authTables = new Set(['UserSession', 'KiteLoginState']);
    const owned = tables.filter((table) => !authTables.has(table.table));
    expect(owned.map((table) => table.table).sort()).toEqual(
      expect.arrayContaining(['Analysis', 'AnalysisImage', 'JournalTrade', 'KiteApp', 'KiteSession', 'LedgerEntry', 'PaperAccount', 'PaperFill', 'PaperOrder', 'PortfolioSnapshot']),
    );
    for (const table of owned) expect(table, table.table).toMatchObject({ rls: true, forced: true, policies: expect.any(Number) });
    for (const table of owned) expect(table.policies, table.table).toBeGreaterThan(0);
  });
});
