import 'server-only';
import type { UserId } from '@/lib/auth/user-id';
import { MAX_HISTORY_TRADES, type TraderHistory } from '@/lib/analysis/prompt/format-history';
import type { Tx } from '@/lib/db/rls';

/**
 * The trader's recent journal trades, compact, for the analysis prompt. Runs inside the owner's
 * unit of work, so row-level security backs the userId filter.
 */
export async function loadTraderHistory(tx: Tx, { userId }: { userId: UserId }): Promise<TraderHistory> {
  const trades = await tx.journalTrade.findMany({
    where: { userId },
    orderBy: { tradedAt: 'desc' },
    take: MAX_HISTORY_TRADES,
    select: { tradedAt: true, tradingsymbol: true, exchange: true, transactionType: true, quantity: true, price: true, product: true },
  });
  return {
    trades: trades.map((t) => ({
      tradedAt: t.tradedAt,
      tradingsymbol: t.tradingsymbol,
      exchange: t.exchange,
      transactionType: t.transactionType === 'SELL' ? 'SELL' : 'BUY',
      quantity: t.quantity,
      price: t.price.toFixed(),
      product: t.product,
    })),
    positions: [],
  };
}
