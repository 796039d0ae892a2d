import 'server-only';
import type { UserId } from '@/lib/auth/user-id';
import type { Sql } from '@/lib/db/user-sql';
import type { JournalTrade, LedgerEntry, PaperFill, PaperHolding, PaperPosition } from '@/prisma/generated/client';
import type { HoldingState, PositionState } from './book-state';
import type { OrderRow } from './order-row';

/** Every column of a table's row: a missing one would be written as NULL, so the type insists. */
type Columns<T> = { [K in keyof T]: unknown };

export type LedgerKindName = 'MARGIN_BLOCK' | 'MARGIN_RELEASE' | 'TRADE_DEBIT' | 'TRADE_CREDIT' | 'CHARGE' | 'SQUARE_OFF_CHARGE';

/**
 * What one step of an order changes, collected in memory and written in one statement: the order
 * row (new or updated), its fills, ledger movements, journal trades, and the position and holding
 * they moved.
 */
export type Booking = {
  userId: UserId;
  accountId: string;
  /** When the rows are written (the ledger's createdAt), not the market time of the fills. */
  at: Date;
  order: OrderRow;
  fills: Columns<PaperFill>[];
  ledger: Columns<Omit<LedgerEntry, 'seq'>>[];
  journal: Columns<JournalTrade>[];
  position: PositionState | null;
  holding: HoldingState | null;
};

export function newBooking(args: { userId: UserId; accountId: string; order: OrderRow }): Booking {
  return { ...args, at: new Date(), fills: [], ledger: [], journal: [], position: null, holding: null };
}

/** Adds a ledger movement (signed rupees as a decimal string: credits positive). */
export function addLedger(booking: Booking, entry: { kind: LedgerKindName; amount: string; note: string; refId: string }): void {
  booking.ledger.push({ id: crypto.randomUUID(), userId: booking.userId, accountId: booking.accountId, ...entry, createdAt: booking.at });
}

const positionRow = (b: Booking, p: PositionState, order: OrderRow): Columns<PaperPosition> => ({
  id: p.id, userId: b.userId, accountId: b.accountId, exchange: order.exchange, tradingsymbol: order.tradingsymbol, product: order.product,
  quantity: p.quantity, buyQuantity: p.buyQuantity, sellQuantity: p.sellQuantity, buyValue: p.buyValue.toFixed(4), sellValue: p.sellValue.toFixed(4),
  averagePrice: p.averagePrice.toFixed(4), realisedPnl: p.realisedPnl.toFixed(2), marginHeld: p.margin.toFixed(2), tradingDay: p.tradingDay.toISOString().slice(0, 10), updatedAt: b.at,
});

const holdingRow = (b: Booking, h: HoldingState, order: OrderRow): Columns<PaperHolding> => ({
  id: h.id, userId: b.userId, accountId: b.accountId, exchange: order.exchange, tradingsymbol: order.tradingsymbol,
  quantity: h.quantity, t1Quantity: h.t1Quantity, averagePrice: h.averagePrice.toFixed(4), updatedAt: b.at,
});

// Data-modifying CTEs run as one statement: one round trip whatever the number of fills, and the
// foreign keys (fill → order) are checked at its end. Rows arrive as JSON in the tables' own row
// types, so the statement text never changes. The order and position are upserts: new rows are
// inserted, existing ones (locked by the account lock) take the new values.
const SQL = `
WITH
o AS (
  INSERT INTO "PaperOrder" SELECT * FROM jsonb_populate_recordset(NULL::"PaperOrder", $1::jsonb)
  ON CONFLICT (id) DO UPDATE SET
    status = EXCLUDED.status, "statusMessage" = EXCLUDED."statusMessage", "filledQuantity" = EXCLUDED."filledQuantity",
    "cancelledQuantity" = EXCLUDED."cancelledQuantity", "averagePrice" = EXCLUDED."averagePrice",
    "protectionPrice" = EXCLUDED."protectionPrice", resting = EXCLUDED.resting, "priceSource" = EXCLUDED."priceSource",
    "updatedAt" = EXCLUDED."updatedAt"
  RETURNING 1),
p AS (
  INSERT INTO "PaperPosition" SELECT * FROM jsonb_populate_recordset(NULL::"PaperPosition", $2::jsonb)
  ON CONFLICT (id) DO UPDATE SET
    quantity = EXCLUDED.quantity, "buyQuantity" = EXCLUDED."buyQuantity", "sellQuantity" = EXCLUDED."sellQuantity",
    "buyValue" = EXCLUDED."buyValue", "sellValue" = EXCLUDED."sellValue", "averagePrice" = EXCLUDED."averagePrice",
    "realisedPnl" = EXCLUDED."realisedPnl", "marginHeld" = EXCLUDED."marginHeld", "updatedAt" = EXCLUDED."updatedAt"
  RETURNING 1),
h AS (
  INSERT INTO "PaperHolding" SELECT * FROM jsonb_populate_recordset(NULL::"PaperHolding", $3::jsonb)
  ON CONFLICT (id) DO UPDATE SET
    quantity = EXCLUDED.quantity, "t1Quantity" = EXCLUDED."t1Quantity", "averagePrice" = EXCLUDED."averagePrice", "updatedAt" = EXCLUDED."updatedAt"
  RETURNING 1),
f AS (INSERT INTO "PaperFill" SELECT * FROM jsonb_populate_recordset(NULL::"PaperFill", $4::jsonb) RETURNING 1),
-- Ledger entries take their sequence numbers (seq: the running balance's order) in booking order.
l AS (
  INSERT INTO "LedgerEntry" (id, "userId", "accountId", kind, amount, note, "refId", "createdAt")
  SELECT e.id, e."userId", e."accountId", e.kind, e.amount, e.note, e."refId", e."createdAt"
  FROM jsonb_populate_recordset(NULL::"LedgerEntry", $5::jsonb) WITH ORDINALITY AS e
  ORDER BY e.ordinality
  RETURNING 1),
j AS (
  INSERT INTO "JournalTrade" SELECT * FROM jsonb_populate_recordset(NULL::"JournalTrade", $6::jsonb)
  ON CONFLICT ("userId", "dedupeKey") DO NOTHING
  RETURNING 1)
-- Every planned row must be written (a conflict clause or a policy could drop one); checked here,
-- not by the caller, because the order path commits in the same round trip (queryLast).
SELECT td_assert(
  (SELECT count(*) FROM o) = 1
    AND (SELECT count(*) FROM p) = jsonb_array_length($2::jsonb)
    AND (SELECT count(*) FROM h) = jsonb_array_length($3::jsonb)
    AND (SELECT count(*) FROM f) = jsonb_array_length($4::jsonb)
    AND (SELECT count(*) FROM l) = jsonb_array_length($5::jsonb),
  'paper booking was not written in full') AS written`;

/**
 * Writes a booking in one statement inside the caller's transaction (which holds the account lock).
 * Under withUserSql it is the unit of work's last statement and goes out with the COMMIT; a short
 * write fails it and nothing is committed.
 */
export async function saveBooking(sql: Sql, booking: Booking): Promise<void> {
  const { order } = booking;
  // The enum's database label has a space (Kite's "TRIGGER PENDING"); Prisma maps it, raw SQL does not.
  const orderRow: Columns<OrderRow> = { ...order, status: order.status === 'TRIGGER_PENDING' ? 'TRIGGER PENDING' : order.status, updatedAt: booking.at };
  await sql.queryLast(SQL, [
    JSON.stringify([orderRow]),
    JSON.stringify(booking.position ? [positionRow(booking, booking.position, order)] : []),
    JSON.stringify(booking.holding ? [holdingRow(booking, booking.holding, order)] : []),
    JSON.stringify(booking.fills),
    JSON.stringify(booking.ledger),
    JSON.stringify(booking.journal),
  ]);
}
