import 'server-only';
import { Decimal } from 'decimal.js';
import type { UserId } from '@/lib/auth/user-id';
import { withUserTx } from '@/lib/db/rls';
import { notFound } from '@/lib/errors';
import type { Instrument } from '@/lib/instruments/find-instrument';
import { cachedInstruments } from '@/lib/market-data/instrument-cache';
import { getQuotes } from '@/lib/market-data/provider/get-quotes';
import { quoteKey } from '@/lib/market-data/provider/quote-provider';
import type { Quote } from '@/lib/market-data/quote';
import { getPaperAccount } from '@/lib/paper/account/get-paper-account';
import { isExpired } from '@/lib/instruments/contract-expired';
import { tradingDayOf } from '@/lib/paper/orders/book-state';
import { serializeOrder } from '@/lib/paper/orders/serialize-order';
import { LEDGER_PAGE } from './ledger-page';
import { resolveAccount } from './resolve-account';

type Scope = { userId: UserId; accountId?: string | undefined };
const money = (value: Decimal) => value.toFixed(2);
const dec = (value: { toString(): string } | null | undefined) => new Decimal(value?.toString() ?? '0');

const quotesFor = (instruments: Iterable<Instrument>, userId: UserId): Promise<Map<string, Quote>> => getQuotes([...instruments], new Date(), userId);

const priceInfo = (quote: Quote | undefined) =>
  quote ? { last_price: Number(quote.lastPrice), price_source: quote.source, price_time: quote.timestamp.toISOString() } : { last_price: null, price_source: null, price_time: null };

export async function listOrders({ userId, accountId }: Scope) {
  if (!accountId) await getPaperAccount({ userId });
  const orders = await withUserTx(userId, async (tx) => {
    const account = await resolveAccount(tx, userId, accountId);
    return tx.paperOrder.findMany({ where: { userId, accountId: account.id }, orderBy: { placedAt: 'desc' }, take: 500 });
  });
  return orders.map(serializeOrder);
}

export async function getOrder({ userId, orderId }: { userId: UserId; orderId: string }) {
  const order = await withUserTx(userId, (tx) => tx.paperOrder.findFirst({ where: { id: orderId, userId }, include: { fills: { orderBy: { filledAt: 'asc' } } } }));
  if (!order) throw notFound('Order');
  return { ...serializeOrder(order), trades: order.fills.map(serializeFill) };
}

function serializeFill(fill: { id: string; orderId: string; exchange: string; tradingsymbol: string; product: string; transactionType: string; quantity: number; price: { toString(): string }; charges: unknown; chargesTotal: { toString(): string }; chargesSource: string; priceSource: string; filledAt: Date }) {
  return {
    trade_id: fill.id,
    order_id: fill.orderId,
    exchange: fill.exchange,
    tradingsymbol: fill.tradingsymbol,
    product: fill.product,
    transaction_type: fill.transactionType,
    quantity: fill.quantity,
    average_price: Number(fill.price.toString()),
    fill_timestamp: fill.filledAt.toISOString(),
    charges: fill.charges,
    charges_total: fill.chargesTotal.toString(),
    charges_source: fill.chargesSource,
    price_source: fill.priceSource,
  };
}

export async function listTrades({ userId, accountId }: Scope) {
  const fills = await withUserTx(userId, async (tx) => {
    const account = await resolveAccount(tx, userId, accountId);
    return tx.paperFill.findMany({ where: { userId, accountId: account.id }, orderBy: { filledAt: 'desc' }, take: 1000 });
  });
  return fills.map(serializeFill);
}

type LedgerRowDb = { id: string; kind: string; amount: string; balance: string; note: string | null; refId: string | null; createdAt: Date };

export async function listLedger({ userId, accountId }: Scope) {
  const rows = await withUserTx(userId, async (tx) => {
    const account = await resolveAccount(tx, userId, accountId);
    // The running balance is the sum of every entry up to each one, in booking order (seq), so it
    // is computed over the whole ledger before the newest page is cut from it.
    return tx.$queryRaw<LedgerRowDb[]>`
      SELECT id, kind::text AS kind, amount::text AS amount, balance::text AS balance, note, "refId", "createdAt" FROM (
        SELECT l.*, SUM(l.amount) OVER (ORDER BY l."createdAt", l.seq) AS balance
        FROM "LedgerEntry" l WHERE l."userId" = ${userId}::uuid AND l."accountId" = ${account.id}::uuid
      ) t
      ORDER BY "createdAt" DESC, seq DESC
      LIMIT ${LEDGER_PAGE}`;
  });
  return rows.map((entry) => ({
    id: entry.id,
    kind: entry.kind,
    amount: money(new Decimal(entry.amount)),
    balance: money(new Decimal(entry.balance)),
    note: entry.note,
    ref_id: entry.refId,
    created_at: new Date(entry.createdAt).toISOString(),
  }));
}

export async function listPositions({ userId, accountId }: Scope) {
  const rows = await withUserTx(userId, async (tx) => {
    const account = await resolveAccount(tx, userId, accountId);
    // Like Kite: today's positions, plus F&O and MIS positions still open from earlier days. CNC
    // buys of earlier days are holdings by now, so their old day rows are not positions any more.
    const where = account.activeUserId === null
      ? { userId, accountId: account.id }
      : { userId, accountId: account.id, OR: [{ tradingDay: tradingDayOf(new Date()) }, { product: { not: 'CNC' }, NOT: { quantity: 0 } }] };
    return tx.paperPosition.findMany({ where, orderBy: [{ tradingDay: 'desc' }, { tradingsymbol: 'asc' }], take: 200 });
  });
  const instruments = await cachedInstruments(rows.map(quoteKey));
  // A contract past its expiry has no market any more: an open position in one awaits its
  // settlement price (the engine books it), and no price is shown for it meanwhile.
  const now = new Date();
  const quotes = await quotesFor([...instruments.values()].filter((instrument) => !isExpired(instrument, now)), userId);
  return rows.map((row) => {
    const instrument = instruments.get(quoteKey(row));
    const quote = quotes.get(quoteKey(row));
    const realised = dec(row.realisedPnl);
    const unrealised = quote && row.quantity !== 0 ? new Decimal(quote.lastPrice).minus(row.averagePrice.toString()).mul(row.quantity) : new Decimal(0);
    return {
      exchange: row.exchange,
      tradingsymbol: row.tradingsymbol,
      product: row.product,
      trading_day: row.tradingDay.toISOString().slice(0, 10),
      quantity: row.quantity,
      average_price: Number(row.averagePrice.toString()),
      buy_quantity: row.buyQuantity,
      sell_quantity: row.sellQuantity,
      buy_value: money(dec(row.buyValue)),
      sell_value: money(dec(row.sellValue)),
      realised: money(realised),
      unrealised: money(unrealised),
      pnl: money(realised.plus(unrealised)),
      m2m: money(realised.plus(unrealised)),
      ...priceInfo(quote),
      expiry: instrument?.expiry ?? null,
      awaiting_settlement: row.quantity !== 0 && instrument !== undefined && isExpired(instrument, now),
    };
  });
}

export async function listHoldings({ userId, accountId }: Scope) {
  const rows = await withUserTx(userId, async (tx) => {
    const account = await resolveAccount(tx, userId, accountId);
    return tx.paperHolding.findMany({ where: { userId, accountId: account.id, OR: [{ quantity: { gt: 0 } }, { t1Quantity: { gt: 0 } }] }, orderBy: { tradingsymbol: 'asc' } });
  });
  const quotes = await quotesFor((await cachedInstruments(rows.map(quoteKey))).values(), userId);
  return rows.map((row) => {
    const quote = quotes.get(quoteKey(row));
    const total = row.quantity + row.t1Quantity;
    const pnl = quote ? new Decimal(quote.lastPrice).minus(row.averagePrice.toString()).mul(total) : new Decimal(0);
    return { exchange: row.exchange, tradingsymbol: row.tradingsymbol, quantity: row.quantity, t1_quantity: row.t1Quantity, average_price: Number(row.averagePrice.toString()), pnl: money(pnl), ...priceInfo(quote) };
  });
}

/** Funds in the shape of Kite's margins: every figure derived from the ledger and positions. */
export async function getFunds({ userId, accountId }: Scope) {
  if (!accountId) await getPaperAccount({ userId });
  return withUserTx(userId, async (tx) => {
    const account = await resolveAccount(tx, userId, accountId);
    const byKind = await tx.ledgerEntry.groupBy({ by: ['kind'], where: { userId, accountId: account.id }, _sum: { amount: true } });
    const sum = (...kinds: string[]) => byKind.filter((row) => kinds.includes(row.kind)).reduce((total, row) => total.plus(dec(row._sum.amount)), new Decimal(0));
    const realised = await tx.paperPosition.aggregate({ where: { userId, accountId: account.id }, _sum: { realisedPnl: true } });
    const previous = await tx.paperAccount.findMany({ where: { userId, NOT: { id: account.id } }, orderBy: { createdAt: 'desc' }, select: { id: true, createdAt: true, closedAt: true } });
    return {
      id: account.id,
      active: account.activeUserId !== null,
      opening_balance: money(dec(account.openingBalance)),
      cash: money(sum('OPENING_BALANCE', 'TRADE_DEBIT', 'TRADE_CREDIT', 'CHARGE', 'SQUARE_OFF_CHARGE', 'RESET')),
      available: money(sum('OPENING_BALANCE', 'MARGIN_BLOCK', 'MARGIN_RELEASE', 'TRADE_DEBIT', 'TRADE_CREDIT', 'CHARGE', 'SQUARE_OFF_CHARGE', 'RESET')),
      used_margin: money(sum('MARGIN_BLOCK', 'MARGIN_RELEASE').neg()),
      realised_pnl: money(dec(realised._sum.realisedPnl)),
      charges: money(sum('CHARGE', 'SQUARE_OFF_CHARGE').neg()),
      created_at: account.createdAt.toISOString(),
      closed_at: account.closedAt?.toISOString() ?? null,
      processed_at: account.processedAt?.toISOString() ?? null,
      other_accounts: previous.map((p) => ({ id: p.id, created_at: p.createdAt.toISOString(), closed_at: p.closedAt?.toISOString() ?? null })),
    };
  });
}
