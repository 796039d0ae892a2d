import 'server-only';
import { Decimal } from 'decimal.js';
import type { UserId } from '@/lib/auth/user-id';
import type { Tx } from '@/lib/db/rls';
import { sqlOf, type Sql } from '@/lib/db/user-sql';
import { notFound } from '@/lib/errors';
import { lockActiveAccount } from '@/lib/paper/account/lock-account';
import { istDateString } from '@/lib/market/calendar';
import type { CncPreviousFill, DayBuy } from '@/lib/paper/charges/same-day-cnc';

/** The position an order trades into: a carried (non-zero) one, else today's row (new if none). */
export type PositionState = {
  id: string;
  isNew: boolean;
  tradingDay: Date;
  quantity: number;
  averagePrice: Decimal;
  realisedPnl: Decimal;
  buyQuantity: number;
  sellQuantity: number;
  buyValue: Decimal;
  sellValue: Decimal;
  /** Margin the ledger holds against this position (its MARGIN_BLOCK/RELEASE rows, as a positive amount). */
  margin: Decimal;
};

export type HoldingState = { id: string; isNew: boolean; quantity: number; t1Quantity: number; averagePrice: Decimal };

/** Everything booking a fill of one order needs, read in one statement under the account's lock. */
export type BookState = {
  accountId: string;
  /** The account's cash (the ledger's sum, kept on the row by a trigger). */
  cash: Decimal;
  position: PositionState;
  holding: HoldingState | null;
  /** Units of open CNC sells on this scrip not yet filled (they already claim holdings). */
  claimedBySells: number;
  /** A CNC sell of this scrip by another order already paid today's DP charge. */
  dpChargedToday: boolean;
  /**
   * The order's earlier fills, for its charges (brokerage caps and rounding are per order); for
   * CNC sells also how many units of each were billed intraday and whether it paid the DP charge.
   */
  previousFills: CncPreviousFill[];
  /** CNC: today's CNC buy fills of this scrip (every order's), oldest first: what same-day sells close. */
  dayBuys: DayBuy[];
  /** CNC: units of `dayBuys` that today's CNC sells already closed (billed intraday). */
  dayMatched: number;
  /** The order already placed under this Idempotency-Key, if any. */
  replayOrderId: string | null;
};

export function tradingDayOf(at: Date): Date {
  return new Date(`${istDateString(at)}T00:00:00.000Z`);
}

/** 00:00 IST of the trading day `at` falls on. */
export function tradingDayStart(at: Date): Date {
  return new Date(tradingDayOf(at).getTime() - 330 * 60 * 1000);
}

type Row = {
  accountId: string;
  cash: string;
  replayId: string | null;
  pId: string | null;
  pTradingDay: string | null;
  pQuantity: number | null;
  pAveragePrice: string | null;
  pRealisedPnl: string | null;
  pBuyQuantity: number | null;
  pSellQuantity: number | null;
  pBuyValue: string | null;
  pSellValue: string | null;
  pMargin: string | null;
  hId: string | null;
  hQuantity: number | null;
  hT1Quantity: number | null;
  hAveragePrice: string | null;
  claimed: number;
  dpCharged: boolean;
  previousFills: CncPreviousFill[] | string;
  dayBuys: DayBuy[] | string;
  dayMatched: number;
};

// The CNC-only lookups carry $4 = 'CNC' so the planner skips them for other products.
// Read after the account lock is held, in a statement of its own: under READ COMMITTED a statement
// takes its snapshot when it starts, so rows read in the locking statement itself could predate
// the commit of the transaction it waited for. Numerics come back as text, never as floats.
const SQL = `
SELECT a.id AS "accountId", a.cash::text AS cash,
  (SELECT o.id FROM "PaperOrder" o WHERE o."accountId" = a.id AND o."idempotencyKey" = $7) AS "replayId",
  p.id AS "pId", p."tradingDay"::text AS "pTradingDay", p.quantity AS "pQuantity", p."averagePrice"::text AS "pAveragePrice",
  p."realisedPnl"::text AS "pRealisedPnl", p."buyQuantity" AS "pBuyQuantity", p."sellQuantity" AS "pSellQuantity",
  p."buyValue"::text AS "pBuyValue", p."sellValue"::text AS "pSellValue",
  p."marginHeld"::text AS "pMargin",
  h.id AS "hId", h.quantity AS "hQuantity", h."t1Quantity" AS "hT1Quantity", h."averagePrice"::text AS "hAveragePrice",
  (SELECT COALESCE(SUM(o.quantity - o."filledQuantity"), 0)::int FROM "PaperOrder" o
     WHERE o."accountId" = a.id AND o.exchange = $2 AND o.tradingsymbol = $3 AND o.product = 'CNC'
       AND o."transactionType" = 'SELL' AND o.status IN ('OPEN', 'TRIGGER PENDING') AND o.id IS DISTINCT FROM $8::uuid
       AND $4 = 'CNC') AS claimed,
  COALESCE(d."dpCharged", false) AS "dpCharged",
  (SELECT COALESCE(json_agg(json_build_object('quantity', f.quantity, 'price', f.price::text,
       'intraday', COALESCE((f.charges->>'intraday_quantity')::int, 0),
       'dp', COALESCE((f.charges->>'dp_charges')::numeric, 0) > 0) ORDER BY f."filledAt", f.id), '[]')
     FROM "PaperFill" f WHERE f."orderId" = $8::uuid) AS "previousFills",
  COALESCE(d."dayBuys", '[]') AS "dayBuys", COALESCE(d."dayMatched", 0)::int AS "dayMatched"
FROM "PaperAccount" a
-- The open position (from any day), else today's row: each found through its own index, so neither
-- reads the scrip's earlier days (flat rows stay behind, one a day).
LEFT JOIN LATERAL (
  SELECT * FROM (
    (SELECT p.*, 0 AS pick FROM "PaperPosition" p
     WHERE p."accountId" = a.id AND p.exchange = $2 AND p.tradingsymbol = $3 AND p.product = $4 AND p.quantity <> 0
     ORDER BY p."tradingDay" DESC LIMIT 1)
    UNION ALL
    (SELECT p.*, 1 AS pick FROM "PaperPosition" p
     WHERE p."accountId" = a.id AND p.exchange = $2 AND p.tradingsymbol = $3 AND p.product = $4 AND p."tradingDay" = $5::date)
  ) c
  ORDER BY c.pick
  LIMIT 1
) p ON true
LEFT JOIN "PaperHolding" h ON h."accountId" = a.id AND h.exchange = $2 AND h.tradingsymbol = $3
-- Today's CNC fills of the scrip in one pass: the buys same-day sells close, how many units sells
-- already closed (billed intraday), and whether another order's sell paid today's DP charge.
LEFT JOIN LATERAL (
  SELECT
    json_agg(json_build_object('orderId', f."orderId", 'quantity', f.quantity, 'price', f.price::text) ORDER BY f."filledAt", f.id)
      FILTER (WHERE f."transactionType" = 'BUY') AS "dayBuys",
    SUM((f.charges->>'intraday_quantity')::int) FILTER (WHERE f."transactionType" = 'SELL') AS "dayMatched",
    bool_or(f."orderId" IS DISTINCT FROM $8::uuid AND COALESCE((f.charges->>'dp_charges')::numeric, 0) > 0)
      FILTER (WHERE f."transactionType" = 'SELL') AS "dpCharged"
  FROM "PaperFill" f
  WHERE f."accountId" = a.id AND f.exchange = $2 AND f.tradingsymbol = $3 AND f.product = 'CNC' AND f."filledAt" >= $6 AND $4 = 'CNC'
) d ON true
-- Without an account id ($9), the user's active account: the read can then be sent before the lock's
-- answer has arrived (withUserSql pipelines it), and runs after the lock all the same.
WHERE a."userId" = $1::uuid AND (a.id = $9::uuid OR ($9::uuid IS NULL AND a."activeUserId" = $1::uuid))`;

type LoadArgs = { userId: UserId; exchange: string; tradingsymbol: string; product: string; at: Date; orderId?: string | null; idempotencyKey?: string | null };

/** The statement loadBookState runs, with its parameters (tests look at its plan). */
export function bookStateQuery(args: LoadArgs & { accountId: string | null }): { text: string; params: unknown[] } {
  const params = [args.userId, args.exchange, args.tradingsymbol, args.product, istDateString(args.at), tradingDayStart(args.at), args.idempotencyKey ?? null, args.orderId ?? null, args.accountId];
  return { text: SQL, params };
}

/**
 * Reads the state for booking an order on one scrip and product of an account (null: the active
 * one) whose lock the caller already holds (taken in an earlier statement of the same transaction).
 */
export async function loadBookState(sql: Sql, args: LoadArgs & { accountId: string | null }): Promise<BookState> {
  const tradingDay = tradingDayOf(args.at);
  const { text, params } = bookStateQuery(args);
  const rows = await sql.query<Row>(text, params);
  const row = rows[0];
  if (!row) throw notFound('Paper account');
  const previousFills = typeof row.previousFills === 'string' ? (JSON.parse(row.previousFills) as BookState['previousFills']) : row.previousFills;
  const dayBuys = typeof row.dayBuys === 'string' ? (JSON.parse(row.dayBuys) as BookState['dayBuys']) : row.dayBuys;
  return {
    accountId: row.accountId,
    cash: new Decimal(row.cash),
    position:
      row.pId === null
        ? { id: crypto.randomUUID(), isNew: true, tradingDay, quantity: 0, averagePrice: new Decimal(0), realisedPnl: new Decimal(0), buyQuantity: 0, sellQuantity: 0, buyValue: new Decimal(0), sellValue: new Decimal(0), margin: new Decimal(0) }
        : {
            id: row.pId,
            isNew: false,
            tradingDay: new Date(`${row.pTradingDay}T00:00:00.000Z`),
            quantity: Number(row.pQuantity),
            averagePrice: new Decimal(row.pAveragePrice ?? 0),
            realisedPnl: new Decimal(row.pRealisedPnl ?? 0),
            buyQuantity: Number(row.pBuyQuantity),
            sellQuantity: Number(row.pSellQuantity),
            buyValue: new Decimal(row.pBuyValue ?? 0),
            sellValue: new Decimal(row.pSellValue ?? 0),
            margin: new Decimal(row.pMargin ?? 0),
          },
    holding:
      row.hId === null
        ? null
        : { id: row.hId, isNew: false, quantity: Number(row.hQuantity), t1Quantity: Number(row.hT1Quantity), averagePrice: new Decimal(row.hAveragePrice ?? 0) },
    claimedBySells: Number(row.claimed),
    dpChargedToday: row.dpCharged,
    previousFills,
    dayBuys,
    dayMatched: Number(row.dayMatched),
    replayOrderId: row.replayId,
  };
}

/** In a Prisma transaction: locks the user's active account (404 if none), then loads the state. */
export async function lockAndLoadBookState(tx: Tx, args: LoadArgs): Promise<BookState> {
  const { id: accountId } = await lockActiveAccount(tx, args.userId);
  return loadBookState(sqlOf(tx), { ...args, accountId });
}
