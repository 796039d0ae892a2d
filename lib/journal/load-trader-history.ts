import 'server-only';
import type { UserId } from '@/lib/auth/user-id';
import { MAX_HISTORY_POSITIONS, MAX_HISTORY_TRADES, type TraderHistory } from '@/lib/analysis/prompt/format-history';
import type { Tx } from '@/lib/db/rls';
import { istStringToIso } from '@/lib/kite/ist';
import { KiteTradesSchema } from '@/lib/kite/schemas';
import { Decimal } from 'decimal.js';

/**
 * The trader's recent journal trades (plus today's Kite trades when linked) and open paper positions and holdings, compact, for the
 * analysis prompt. Runs inside the owner's unit of work, so row-level security backs the userId filter.
 */
export async function loadTraderHistory(tx: Tx, { userId }: { userId: UserId }): Promise<TraderHistory> {
  const trades = await tx.journalTrade.findMany({
    where: { userId },
    orderBy: { tradedAt: 'desc' },
    take: MAX_HISTORY_TRADES,
    select: { tradedAt: true, tradingsymbol: true, exchange: true, transactionType: true, quantity: true, price: true, product: true },
  });
  const journal: TraderHistory['trades'] = trades.map((t) => ({
      tradedAt: t.tradedAt,
      tradingsymbol: t.tradingsymbol,
      exchange: t.exchange,
      transactionType: t.transactionType === 'SELL' ? 'SELL' : 'BUY',
      quantity: t.quantity,
      price: t.price.toFixed(),
      product: t.product,
    }));
  const all = [...journal, ...(await loadKiteTrades(tx, { userId }))].sort((a, b) => b.tradedAt.getTime() - a.tradedAt.getTime());
  return { trades: all.slice(0, MAX_HISTORY_TRADES), positions: await loadOpenPositions(tx, { userId }) };
}

/** Today's trades from the last Kite sync, when the user linked Zerodha (Kite lists only today's). */
async function loadKiteTrades(tx: Tx, { userId }: { userId: UserId }): Promise<TraderHistory['trades']> {
  const snapshot = await tx.portfolioSnapshot.findUnique({ where: { userId_kind: { userId, kind: 'TRADES' } }, select: { payload: true } });
  const parsed = KiteTradesSchema.safeParse(snapshot?.payload ?? []);
  if (!parsed.success) return [];
  return parsed.data.flatMap((t) => {
    const tradedAt = t.fill_timestamp ? new Date(istStringToIso(t.fill_timestamp)) : null;
    return tradedAt && !Number.isNaN(tradedAt.getTime()) && Number.isInteger(t.quantity) && t.quantity > 0 && (t.transaction_type === 'BUY' || t.transaction_type === 'SELL')
      ? [{
          tradedAt,
          tradingsymbol: t.tradingsymbol,
          exchange: t.exchange,
          transactionType: t.transaction_type,
          quantity: t.quantity,
          // Kite sends prices as JSON numbers; their shortest decimal spelling is the exchange price.
          price: new Decimal(String(t.average_price)).toFixed(),
          product: t.product,
        }]
      : [];
  });
}

async function loadOpenPositions(tx: Tx, { userId }: { userId: UserId }): Promise<TraderHistory['positions']> {
  const account = await tx.paperAccount.findFirst({ where: { userId, activeUserId: userId }, select: { id: true } });
  if (!account) return [];
  const [positions, holdings] = await Promise.all([
    tx.paperPosition.findMany({
      where: { userId, accountId: account.id, NOT: { quantity: 0 } },
      orderBy: { tradingDay: 'desc' },
      select: { exchange: true, tradingsymbol: true, product: true, quantity: true, averagePrice: true },
    }),
    tx.paperHolding.findMany({
      where: { userId, accountId: account.id },
      select: { exchange: true, tradingsymbol: true, quantity: true, t1Quantity: true, averagePrice: true },
    }),
  ]);
  // A position row exists per trading day; the newest one per instrument and product is the open one.
  const latest = new Map<string, (typeof positions)[number]>();
  for (const row of positions) {
    const key = `${row.exchange}:${row.tradingsymbol}:${row.product}`;
    if (!latest.has(key)) latest.set(key, row);
  }
  return [
    ...[...latest.values()].map((row) => ({ tradingsymbol: row.tradingsymbol, exchange: row.exchange, quantity: row.quantity, averagePrice: row.averagePrice.toFixed() })),
    ...holdings
      .filter((row) => row.quantity + row.t1Quantity > 0)
      .map((row) => ({ tradingsymbol: row.tradingsymbol, exchange: row.exchange, quantity: row.quantity + row.t1Quantity, averagePrice: row.averagePrice.toFixed() })),
  ].slice(0, MAX_HISTORY_POSITIONS);
}
