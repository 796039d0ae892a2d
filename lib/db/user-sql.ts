import 'server-only';
import { createHash } from 'node:crypto';
import type { UserId } from '@/lib/auth/user-id';
import { dbDriver } from '@/lib/db/client';
import { APP_ROLE, type Tx } from '@/lib/db/rls';

/**
 * Plain SQL with numbered parameters. Both drivers return ints and booleans as JS values and parse
 * json; cast numerics and dates to text in the statement (the drivers disagree on those, and money
 * must never pass through a float).
 */
export type Sql = { query<T extends object>(text: string, params?: readonly unknown[]): Promise<T[]> };

// Named statements are parsed and planned once per connection; our statements are few and fixed
// (with row-level security planning one can cost more than running it).
const names = new Map<string, string>();
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `td_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Opening a unit of work is one round trip: BEGIN, the user context and the role in one message.
// The user id is checked to be a UUID before it is placed in the text (a parameter cannot be used
// in a multi-statement message). `first` runs in the same message, after the context is set.
function opening(userId: UserId, first: string | undefined): string {
  if (!UUID.test(userId)) throw new Error('withUserSql needs a UUID user id');
  const context = `SELECT set_config('app.user_id', '${userId}', true), set_config('role', '${APP_ROLE}', true)`;
  return first === undefined ? context : `${context};\n${first}`;
}

/**
 * withUserTx for the hot paths, without the ORM: the same transaction, user context and role
 * (row-level security applies the same way), a fraction of the per-statement cost. `first` is a
 * statement (no parameters; use current_setting('app.user_id')) sent with the opening round trip,
 * typically the lock the work starts with; its rows are passed to `fn`.
 */
export async function withUserSql<T>(userId: UserId, fn: (sql: Sql, firstRows: Record<string, unknown>[]) => Promise<T>, options: { first?: string } = {}): Promise<T> {
  const driver = dbDriver();
  const text = opening(userId, options.first);
  if (driver.kind === 'pglite') {
    return driver.pglite.transaction(async (tx) => {
      const results = await tx.exec(text);
      const sql: Sql = { query: async <R extends object>(q: string, params: readonly unknown[] = []) => (await tx.query<R>(q, [...params])).rows };
      return fn(sql, options.first === undefined ? [] : (results.at(-1)?.rows ?? []));
    });
  }
  const client = await driver.pool.connect();
  let broken: Error | undefined;
  try {
    const results = await client.query(`BEGIN;\n${text}`);
    const last = Array.isArray(results) ? results.at(-1) : results;
    const sql: Sql = { query: async <R extends object>(q: string, params: readonly unknown[] = []) => (await client.query({ name: statementName(q), text: q, values: [...params] })).rows as R[] };
    const value = await fn(sql, options.first === undefined ? [] : (last?.rows ?? []));
    await client.query('COMMIT');
    return value;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      // The connection is unusable: drop it from the pool instead of handing it to the next request.
      broken = rollbackError as Error;
    }
    throw error;
  } finally {
    client.release(broken);
  }
}

/**
 * Single statements outside any user's unit of work (auth tables the app role may not read), on the
 * same connections, without the ORM. For the per-request session check.
 */
export function systemSql(): Sql {
  const driver = dbDriver();
  if (driver.kind === 'pglite') return { query: async <R extends object>(q: string, params: readonly unknown[] = []) => (await driver.pglite.query<R>(q, [...params])).rows };
  return { query: async <R extends object>(q: string, params: readonly unknown[] = []) => (await driver.pool.query({ name: statementName(q), text: q, values: [...params] })).rows as R[] };
}

/** The same SQL interface over a Prisma transaction, for work that mixes both. */
export function sqlOf(tx: Tx): Sql {
  return { query: <R extends object>(text: string, params: readonly unknown[] = []) => tx.$queryRawUnsafe<R[]>(text, ...params) };
}
