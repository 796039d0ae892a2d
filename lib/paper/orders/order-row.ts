import type { PaperOrder as FillOrder, OrderStatus } from '@/lib/paper/fills/order';
import type { Sql } from '@/lib/db/user-sql';
import { notFound } from '@/lib/errors';
import { Prisma, type PaperOrder as OrderRow, type PaperOrderStatus } from '@/prisma/generated/client';

export type { OrderRow };

export const toDbStatus = (status: OrderStatus): PaperOrderStatus => (status === 'TRIGGER PENDING' ? 'TRIGGER_PENDING' : status);
export const toKiteStatus = (status: PaperOrderStatus): OrderStatus => (status === 'TRIGGER_PENDING' ? 'TRIGGER PENDING' : status);
export const LIVE_STATUSES: PaperOrderStatus[] = ['OPEN', 'TRIGGER_PENDING'];

const opt = (value: { toString(): string } | null) => (value === null ? undefined : value.toString());

/** The stored order in the shape the fill rules take. */
export function toFillOrder(row: OrderRow, tickSize: string, instrumentType: FillOrder['instrumentType']): FillOrder {
  const status = toKiteStatus(row.status);
  const order: FillOrder = {
    transactionType: row.transactionType as FillOrder['transactionType'],
    orderType: row.orderType as FillOrder['orderType'],
    quantity: row.quantity,
    filledQuantity: row.filledQuantity,
    validity: row.validity as FillOrder['validity'],
    tickSize,
    status: status === 'TRIGGER PENDING' ? 'TRIGGER PENDING' : 'OPEN',
    resting: row.resting,
    ...(instrumentType !== undefined && { instrumentType }),
  };
  const price = opt(row.price);
  const trigger = opt(row.triggerPrice);
  const protection = opt(row.protectionPrice);
  if (price !== undefined) order.price = price;
  if (trigger !== undefined) order.triggerPrice = trigger;
  if (protection !== undefined) order.protectionPrice = protection;
  if (row.marketProtection !== null) order.marketProtection = Number(row.marketProtection.toString());
  return order;
}

type NewOrderFields = Pick<OrderRow, 'userId' | 'accountId' | 'exchange' | 'tradingsymbol' | 'transactionType' | 'orderType' | 'product' | 'quantity' | 'status' | 'placedAt'> &
  Partial<Omit<OrderRow, 'id' | 'updatedAt'>>;

/** A new order row, not yet stored (a booking writes it); unset columns take the table's defaults. */
export function newOrderRow(fields: NewOrderFields): OrderRow {
  return {
    id: crypto.randomUUID(),
    idempotencyKey: null,
    requestHash: null,
    instrumentToken: null,
    variety: 'regular',
    validity: 'DAY',
    filledQuantity: 0,
    cancelledQuantity: 0,
    price: null,
    triggerPrice: null,
    averagePrice: null,
    marketProtection: null,
    protectionPrice: null,
    resting: false,
    statusMessage: null,
    blockedMargin: new Prisma.Decimal(0),
    tag: null,
    priceSource: null,
    ...fields,
    updatedAt: fields.placedAt,
  };
}

/** An order row as plain SQL returns it (ORDER_COLUMNS): numerics and times as text. */
export type SqlOrder = Omit<OrderRow, 'price' | 'triggerPrice' | 'averagePrice' | 'marketProtection' | 'protectionPrice' | 'blockedMargin' | 'status' | 'placedAt' | 'updatedAt'> & {
  price: string | null;
  triggerPrice: string | null;
  averagePrice: string | null;
  marketProtection: string | null;
  protectionPrice: string | null;
  blockedMargin: string;
  status: string;
  placedAt: string;
  updatedAt: string;
};

// Numerics and times as text: the drivers under lib/db/user-sql.ts parse them differently.
export const ORDER_COLUMNS = `id, "userId", "accountId", "idempotencyKey", "requestHash", exchange, tradingsymbol, "instrumentToken",
  "transactionType", "orderType", product, variety, validity, quantity, "filledQuantity", "cancelledQuantity",
  price::text AS price, "triggerPrice"::text AS "triggerPrice", "averagePrice"::text AS "averagePrice",
  "marketProtection"::text AS "marketProtection", "protectionPrice"::text AS "protectionPrice", resting, status::text AS status,
  "statusMessage", "blockedMargin"::text AS "blockedMargin", tag, "priceSource",
  to_json("placedAt")#>>'{}' AS "placedAt", to_json("updatedAt")#>>'{}' AS "updatedAt"`;

const ORDER_SQL = `SELECT ${ORDER_COLUMNS}
FROM "PaperOrder" WHERE id = $1::uuid`;

const decimalOrNull = (value: string | null) => (value === null ? null : new Prisma.Decimal(value));

export function toOrderRow(row: SqlOrder): OrderRow {
  return {
    ...row,
    price: decimalOrNull(row.price),
    triggerPrice: decimalOrNull(row.triggerPrice),
    averagePrice: decimalOrNull(row.averagePrice),
    marketProtection: decimalOrNull(row.marketProtection),
    protectionPrice: decimalOrNull(row.protectionPrice),
    blockedMargin: new Prisma.Decimal(row.blockedMargin),
    status: row.status === 'TRIGGER PENDING' ? 'TRIGGER_PENDING' : (row.status as PaperOrderStatus),
    placedAt: new Date(row.placedAt),
    updatedAt: new Date(row.updatedAt),
  };
}

/** One order of the unit of work's user, read with plain SQL (row-level security hides others'). */
export async function readOrder(sql: Sql, id: string): Promise<OrderRow> {
  const [row] = await sql.query<SqlOrder>(ORDER_SQL, [id]);
  if (!row) throw notFound('Order');
  return toOrderRow(row);
}
