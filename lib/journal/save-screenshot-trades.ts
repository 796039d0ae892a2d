import 'server-only';
import type { UserId } from '@/lib/auth/user-id';
import { withUserTx } from '@/lib/db/rls';
import { AppError, notFound } from '@/lib/errors';
import { isAnalysisId } from '@/lib/analysis/get-analysis';
import type { ReviewedTrade } from './journal-schemas';

/** Same instrument, side, quantity, price and second: the same fill, whichever screenshot showed it. */
export function screenshotDedupeKey(trade: ReviewedTrade): string {
  const second = new Date(trade.traded_at).toISOString().slice(0, 19);
  return ['screenshot', trade.exchange, trade.tradingsymbol, trade.transaction_type, trade.quantity, trade.price, second].join('|');
}

export type SaveTradesResult = { saved: number; duplicates: number[] };

/**
 * Saves the trades the user reviewed from a broker screenshot to their journal. Trades already in
 * the journal (or repeated in this list) are skipped and reported by their index.
 */
export async function saveScreenshotTrades({ userId, analysisId, trades }: { userId: UserId; analysisId: string; trades: readonly ReviewedTrade[] }): Promise<SaveTradesResult> {
  if (!isAnalysisId(analysisId)) throw notFound('Analysis');
  return withUserTx(userId, async (tx) => {
    const analysis = await tx.analysis.findFirst({ where: { id: analysisId, userId }, select: { kind: true, status: true } });
    if (!analysis) throw notFound('Analysis');
    if (analysis.kind !== 'BROKER' || analysis.status !== 'SUCCEEDED') {
      throw new AppError('conflict', 'Only a finished broker-screenshot analysis can be saved to the journal.');
    }
    const keys = trades.map(screenshotDedupeKey);
    const existing = new Set(
      (await tx.journalTrade.findMany({ where: { userId, dedupeKey: { in: keys } }, select: { dedupeKey: true } })).map((r) => r.dedupeKey),
    );
    const duplicates: number[] = [];
    const fresh = new Map<string, ReviewedTrade>();
    keys.forEach((key, index) => {
      const trade = trades[index];
      if (!trade || existing.has(key) || fresh.has(key)) duplicates.push(index);
      else fresh.set(key, trade);
    });
    // skipDuplicates covers a concurrent save of the same screenshot.
    const { count } = await tx.journalTrade.createMany({
      data: [...fresh].map(([dedupeKey, t]) => ({
        userId,
        source: 'SCREENSHOT' as const,
        sourceRef: analysisId,
        dedupeKey,
        exchange: t.exchange,
        tradingsymbol: t.tradingsymbol,
        transactionType: t.transaction_type,
        quantity: t.quantity,
        price: t.price,
        product: t.product ?? null,
        tradedAt: new Date(t.traded_at),
      })),
      skipDuplicates: true,
    });
    return { saved: count, duplicates };
  });
}
