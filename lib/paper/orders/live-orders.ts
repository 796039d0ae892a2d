import 'server-only';
import type { UserId } from '@/lib/auth/user-id';
import type { Sql } from '@/lib/db/user-sql';
import { ORDER_COLUMNS, toOrderRow, type OrderRow, type SqlOrder } from './order-row';

// The statuses are literals so that the live-orders index (partial: OPEN or TRIGGER PENDING) can
// serve this. Prisma sends an enum list as casts made at run time: they prove nothing about the
// index's predicate, under row-level security they cannot be an index condition either, and every
// order the account ever placed would be read to find the few that are live.
const SQL = `SELECT ${ORDER_COLUMNS} FROM "PaperOrder"
WHERE "accountId" = $1::uuid AND "userId" = $2::uuid AND status IN ('OPEN', 'TRIGGER PENDING')
  AND ($3::text IS NULL OR (exchange = $3 AND tradingsymbol = $4 AND product = $5))
ORDER BY "placedAt", id`;

type Args = { userId: UserId; accountId: string; scrip?: { exchange: string; tradingsymbol: string; product: string } };

/** The statement liveOrders runs, with its parameters (tests look at its plan). */
export function liveOrdersQuery({ userId, accountId, scrip }: Args): { text: string; params: unknown[] } {
  return { text: SQL, params: [accountId, userId, scrip?.exchange ?? null, scrip?.tradingsymbol ?? null, scrip?.product ?? null] };
}

/** An account's live orders, oldest first; with `scrip`, only those of that scrip and product. */
export async function liveOrders(sql: Sql, args: Args): Promise<OrderRow[]> {
  const { text, params } = liveOrdersQuery(args);
  return (await sql.query<SqlOrder>(text, params)).map(toOrderRow);
}
