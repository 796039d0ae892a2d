import { describe, expect, it } from 'vitest';
import { trustedUserId } from '@/lib/auth/user-id';
import { db, dbMode } from '@/lib/db/client';
import { withUserSql } from '@/lib/db/user-sql';
import { getPaperAccount } from '@/lib/paper/account/get-paper-account';
import { LOCK_ACTIVE_ACCOUNT_SQL } from '@/lib/paper/account/lock-account';
import { createTestUser } from '../support/users';

/** Waits until this many backends wait on a lock (no-op on PGlite, which runs one transaction at a time). */
async function waitForLockWaiters(count: number): Promise<void> {
  if (dbMode() !== 'postgres') return;
  for (;;) {
    const [row] = await db().$queryRaw<{ waiting: number }[]>`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE%'`;
    if ((row?.waiting ?? 0) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

// withUserSql is the ORM-free twin of withUserTx used on the order path: the same isolation must hold.
describe('withUserSql', () => {
  it('runs as the app role with only the user’s rows visible, and hands over the first statement’s rows', async () => {
    const alice = await createTestUser('alice');
    const bob = await createTestUser('bob');
    const aliceAccount = await getPaperAccount({ userId: alice.id });
    const bobAccount = await getPaperAccount({ userId: bob.id });
    const seen = await withUserSql(
      alice.id,
      async (sql, first) => {
        const [role] = await sql.query<{ role: string }>('SELECT current_user::text AS role');
        const accounts = await sql.query<{ id: string }>('SELECT id FROM "PaperAccount" WHERE id = ANY($1::uuid[])', [[aliceAccount.id, bobAccount.id]]);
        const ledger = await sql.query<{ userId: string }>('SELECT "userId" FROM "LedgerEntry"');
        return { role: role?.role, accounts: accounts.map((a) => a.id), ledgerOwners: new Set(ledger.map((l) => l.userId)), first: await first };
      },
      { first: LOCK_ACTIVE_ACCOUNT_SQL },
    );
    expect(seen.role).toBe('tradedeck_app');
    expect(seen.accounts).toEqual([aliceAccount.id]);
    expect([...seen.ledgerOwners]).toEqual([alice.id]);
    expect(seen.first).toEqual([{ id: aliceAccount.id }]);
  });

  it('cannot write another user’s rows', async () => {
    const alice = await createTestUser('alice');
    const bob = await createTestUser('bob');
    const bobAccount = await getPaperAccount({ userId: bob.id });
    await expect(
      withUserSql(alice.id, (sql) =>
        sql.query(`INSERT INTO "LedgerEntry" (id, "userId", "accountId", kind, amount) VALUES (gen_random_uuid(), $1::uuid, $2::uuid, 'TRADE_CREDIT', 5000)`, [bob.id, bobAccount.id]),
      ),
    ).rejects.toThrow();
    const changed = await withUserSql(alice.id, (sql) => sql.query<{ id: string }>(`UPDATE "PaperAccount" SET cash = cash + 1 WHERE id = $1::uuid RETURNING id`, [bobAccount.id]));
    expect(changed).toEqual([]);
    expect((await getPaperAccount({ userId: bob.id })).cash).toBe('100000.00');
  });

  it('rolls back everything when the work fails, and the connection is clean afterwards', async () => {
    const alice = await createTestUser('alice');
    const account = await getPaperAccount({ userId: alice.id });
    await expect(
      withUserSql(alice.id, async (sql) => {
        await sql.query(`INSERT INTO "LedgerEntry" (id, "userId", "accountId", kind, amount) VALUES (gen_random_uuid(), $1::uuid, $2::uuid, 'TRADE_CREDIT', 5000)`, [alice.id, account.id]);
        throw new Error('half-way');
      }),
    ).rejects.toThrow('half-way');
    expect((await getPaperAccount({ userId: alice.id })).cash).toBe('100000.00');
    expect(await db().ledgerEntry.count({ where: { accountId: account.id } })).toBe(1);
    // The role and user context were local to the failed transaction.
    const [outside] = await db().$queryRaw<{ role: string; uid: string | null }[]>`SELECT current_user::text AS role, current_setting('app.user_id', true) AS uid`;
    expect(outside?.role).not.toBe('tradedeck_app');
    expect(outside?.uid ?? '').toBe('');
  });

  it('commits the last statement with the work, and refuses a query after it', async () => {
    const alice = await createTestUser('alice');
    const account = await getPaperAccount({ userId: alice.id });
    const credit = `INSERT INTO "LedgerEntry" (id, "userId", "accountId", kind, amount) VALUES (gen_random_uuid(), $1::uuid, $2::uuid, 'TRADE_CREDIT', $3) RETURNING amount::text AS amount`;
    const late = await withUserSql(alice.id, async (sql) => {
      await sql.query(credit, [alice.id, account.id, '10.00']);
      const [last] = await sql.queryLast<{ amount: string }>(credit, [alice.id, account.id, '5.00']);
      expect(last?.amount).toBe('5.00');
      return sql.query('SELECT 1').then(
        () => 'ran',
        (error: Error) => error.message,
      );
    });
    expect(late).toContain('after queryLast');
    expect((await getPaperAccount({ userId: alice.id })).cash).toBe('100015.00');
  });

  it('rolls back the whole work when its last statement fails', async () => {
    const alice = await createTestUser('alice');
    const account = await getPaperAccount({ userId: alice.id });
    await expect(
      withUserSql(alice.id, async (sql) => {
        await sql.query(`INSERT INTO "LedgerEntry" (id, "userId", "accountId", kind, amount) VALUES (gen_random_uuid(), $1::uuid, $2::uuid, 'TRADE_CREDIT', 5000)`, [alice.id, account.id]);
        await sql.queryLast(`SELECT td_assert(false, 'the last check failed')`);
      }),
    ).rejects.toThrow('the last check failed');
    expect((await getPaperAccount({ userId: alice.id })).cash).toBe('100000.00');
    expect(await db().ledgerEntry.count({ where: { accountId: account.id } })).toBe(1);
    // The connection went back to the pool clean: the next unit of work runs and commits.
    await withUserSql(alice.id, (sql) => sql.queryLast(`INSERT INTO "LedgerEntry" (id, "userId", "accountId", kind, amount) VALUES (gen_random_uuid(), $1::uuid, $2::uuid, 'TRADE_CREDIT', 1)`, [alice.id, account.id]));
    expect((await getPaperAccount({ userId: alice.id })).cash).toBe('100001.00');
  });

  it('a read sent behind the lock, before its answer, sees what the lock holder committed', async () => {
    const alice = await createTestUser('alice');
    const account = await getPaperAccount({ userId: alice.id });
    let releaseHolder!: () => void;
    const holderMayCommit = new Promise<void>((resolve) => (releaseHolder = resolve));
    let holderLocked!: () => void;
    const holderHasLock = new Promise<void>((resolve) => (holderLocked = resolve));
    const holder = withUserSql(
      alice.id,
      async (sql, first) => {
        await first;
        holderLocked();
        await holderMayCommit;
        await sql.queryLast(`INSERT INTO "LedgerEntry" (id, "userId", "accountId", kind, amount) VALUES (gen_random_uuid(), $1::uuid, $2::uuid, 'TRADE_DEBIT', -250)`, [alice.id, account.id]);
      },
      { first: LOCK_ACTIVE_ACCOUNT_SQL },
    );
    await holderHasLock;
    const reader = withUserSql(
      alice.id,
      async (sql, first) => {
        // The ledger, not the locked row: a read that started before the lock was granted would miss the debit.
        const [rows, [sum]] = await Promise.all([first, sql.query<{ total: string }>(`SELECT sum(amount)::text AS total FROM "LedgerEntry" WHERE "accountId" = $1::uuid`, [account.id])]);
        return { locked: rows.length, total: sum?.total };
      },
      { first: LOCK_ACTIVE_ACCOUNT_SQL },
    );
    // The reader is queued on the lock: let the holder commit, then the reader must see its debit.
    await waitForLockWaiters(1);
    releaseHolder();
    await holder;
    expect(await reader).toEqual({ locked: 1, total: '99750.00' });
  });

  it('refuses a user id that is not a UUID before sending anything', async () => {
    await expect(withUserSql(trustedUserId("x'); DROP TABLE \"User\"; --"), async () => 1)).rejects.toThrow('UUID');
  });
});
