import { describe, expect, it } from 'vitest';
import { trustedUserId } from '@/lib/auth/user-id';
import { db } from '@/lib/db/client';
import { withUserSql } from '@/lib/db/user-sql';
import { getPaperAccount } from '@/lib/paper/account/get-paper-account';
import { LOCK_ACTIVE_ACCOUNT_SQL } from '@/lib/paper/account/lock-account';
import { createTestUser } from '../support/users';

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
        return { role: role?.role, accounts: accounts.map((a) => a.id), ledgerOwners: new Set(ledger.map((l) => l.userId)), first };
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

  it('refuses a user id that is not a UUID before sending anything', async () => {
    await expect(withUserSql(trustedUserId("x'); DROP TABLE \"User\"; --"), async () => 1)).rejects.toThrow('UUID');
  });
});
