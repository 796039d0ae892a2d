import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import type { UserId } from '@/lib/auth/user-id';
import { dbDriver } from '@/lib/db/client';
import { APP_ROLE } from '@/lib/db/rls';
import { seedBundledInstruments } from '@/lib/instruments/seed-bundled';
import { getPaperAccount } from '@/lib/paper/account/get-paper-account';
import { bookStateQuery } from '@/lib/paper/orders/book-state';
import { liveOrdersQuery } from '@/lib/paper/orders/live-orders';
import { placeOrderSchema } from '@/lib/paper/orders/order-input';
import { placePaperOrder } from '@/lib/paper/orders/place-order';
import { createTestUser } from '../support/users';

type Query = (text: string) => Promise<Record<string, unknown>[]>;

/**
 * A database session of its own, like one of the pool's connections: what it prepares stays
 * prepared, with the plan it made, across the units of work it runs as the user (app role, user
 * context). On PGlite the one session is shared with the app.
 */
async function openSession(userId: UserId): Promise<{ work: <T>(fn: (query: Query) => Promise<T>) => Promise<T>; close: () => Promise<void> }> {
  const context = `SELECT set_config('app.user_id', '${userId}', true), set_config('role', '${APP_ROLE}', true), set_config('plan_cache_mode', 'force_generic_plan', true)`;
  const driver = dbDriver();
  if (driver.kind === 'pglite') {
    return {
      work: (fn) => driver.pglite.transaction(async (tx) => (await tx.exec(context), fn(async (text) => (await tx.query<Record<string, unknown>>(text)).rows))),
      close: async () => undefined,
    };
  }
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  return {
    async work(fn) {
      await client.query(`BEGIN; ${context}`);
      try {
        const value = await fn(async (text) => (await client.query<Record<string, unknown>>(text)).rows);
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    },
    close: () => client.end(),
  };
}

// A utility statement (EXECUTE under EXPLAIN) takes no parameters: the values go in as literals.
const literal = (value: unknown) =>
  value === null || value === undefined ? 'NULL' : `'${(value instanceof Date ? value.toISOString() : String(value)).replaceAll("'", "''")}'`;

type PlanNode = { 'Shared Hit Blocks': number; 'Shared Read Blocks': number };

const DAY = 24 * 60 * 60 * 1000;
const order = (n: number) => placeOrderSchema.parse({ exchange: 'NSE', tradingsymbol: 'INFY', transaction_type: n % 2 === 0 ? 'BUY' : 'SELL', order_type: 'MARKET', product: 'MIS', quantity: 1 });

beforeAll(async () => {
  await seedBundledInstruments();
});

// Placing an order must cost the same on an account's first day and after years of trading. A
// pooled connection plans a named statement once and keeps that plan, whatever the tables have
// grown to since: a plan made while an account had a few orders once took the read behind the
// lock (the Idempotency-Key lookup) through an index of all of the account's orders, and every
// placement then read the account's whole history; finding the open position read every earlier
// day's row of the scrip; and the engine's pass read all of an account's orders to find the live ones.
describe('an order on an account with a long history', () => {
  it('reads no more of the database than an order on a new account, through the plan made when the account was new', async () => {
    const user = await createTestUser('history');
    // A round trip a day (a buy and a sell), day after day until yesterday: the orders and the
    // day's flat position rows pile up.
    const firstDay = Date.now() - 600 * DAY;
    const place = async (from: number, count: number) => {
      for (let n = from; n < from + count; n += 1) {
        await placePaperOrder({ userId: user.id, input: order(n), idempotencyKey: `history-${n}`, now: new Date(firstDay + Math.floor(n / 2) * DAY + (n % 2) * 60_000) });
      }
    };
    const probes = [
      { name: 'the read behind the lock', ...bookStateQuery({ userId: user.id, accountId: null, exchange: 'NSE', tradingsymbol: 'INFY', product: 'MIS', at: new Date(), idempotencyKey: 'a-key-not-used-yet' }) },
      { name: "the engine's live orders", ...liveOrdersQuery({ userId: user.id, accountId: (await getPaperAccount({ userId: user.id })).id }) },
    ];
    const session = await openSession(user.id);
    try {
      const buffers = (probe: number) =>
        session.work(async (query) => {
          const [row] = await query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) EXECUTE td_history_probe_${probe}(${probes[probe]!.params.map(literal).join(', ')})`);
          const plan = row?.['QUERY PLAN'];
          const top = (typeof plan === 'string' ? (JSON.parse(plan) as [{ Plan: PlanNode }]) : (plan as [{ Plan: PlanNode }]))[0].Plan;
          return top['Shared Hit Blocks'] + top['Shared Read Blocks'];
        });
      // Each figure is a second run: the first also visits what earlier work left dead (and marks it
      // so in the index, as any first reader does), which is the writes' cost, not the read's.
      const measure = async () => {
        const figures: number[] = [];
        for (const probe of probes.keys()) figures.push((await buffers(probe), await buffers(probe)));
        return figures;
      };
      await place(0, 10);
      for (const [probe, { text }] of probes.entries()) await session.work((query) => query(`PREPARE td_history_probe_${probe} AS ${text}`));
      const early = await measure();
      await place(10, 1000);
      const late = await measure();
      for (const [probe, { name }] of probes.entries()) {
        // A few pages for indexes that gained a level. Reading the history was far more: the old order
        // index 7 → 41, the old position lookup 6 → 21, live orders with Prisma's status casts 2 → 200.
        expect(late[probe], `${name}: ${early[probe]} buffers after 10 orders over 5 days, ${late[probe]} after 1,010 over 505`).toBeLessThanOrEqual(early[probe]! + 8);
      }
    } finally {
      for (const probe of probes.keys()) await session.work((query) => query(`DEALLOCATE td_history_probe_${probe}`)).catch(() => undefined);
      await session.close();
    }
  });
});
