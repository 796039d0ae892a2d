import 'server-only';
import type { UserId } from '@/lib/auth/user-id';
import { withUserTx } from '@/lib/db/rls';

export type JournalTradeView = {
  id: string;
  source: 'paper' | 'kite' | 'screenshot';
  source_ref: string | null;
  exchange: string;
  tradingsymbol: string;
  transaction_type: string;
  quantity: number;
  price: string;
  product: string | null;
  traded_at: string;
};

/** The user's journal, newest first. */
export async function listJournalTrades({ userId, tradingsymbol, source, limit }: { userId: UserId; tradingsymbol?: string | undefined; source?: 'paper' | 'kite' | 'screenshot' | undefined; limit: number }): Promise<JournalTradeView[]> {
  const rows = await withUserTx(userId, (tx) =>
    tx.journalTrade.findMany({
      where: {
        userId,
        ...(tradingsymbol ? { tradingsymbol: tradingsymbol.toUpperCase() } : {}),
        ...(source ? { source: source.toUpperCase() as 'PAPER' | 'KITE' | 'SCREENSHOT' } : {}),
      },
      orderBy: [{ tradedAt: 'desc' }, { createdAt: 'desc' }],
      take: limit,
    }),
  );
  return rows.map((r) => ({
    id: r.id,
    source: r.source.toLowerCase() as JournalTradeView['source'],
    source_ref: r.sourceRef,
    exchange: r.exchange,
    tradingsymbol: r.tradingsymbol,
    transaction_type: r.transactionType,
    quantity: r.quantity,
    price: r.price.decimalPlaces() > 2 ? r.price.toFixed(4) : r.price.toFixed(2),
    product: r.product,
    traded_at: r.tradedAt.toISOString(),
  }));
}
