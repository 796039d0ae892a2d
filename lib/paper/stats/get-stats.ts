import 'server-only';
import type { UserId } from '@/lib/auth/user-id';
import { withUserTx } from '@/lib/db/rls';
import { resolveAccount } from '@/lib/paper/read/resolve-account';
import { computeStats } from './compute-stats';

export const STATS_PERIODS = ['1d', '1w', '1m', '3m', '1y', 'all'] as const;
export type StatsPeriod = (typeof STATS_PERIODS)[number];
const PERIOD_DAYS: Record<StatsPeriod, number | null> = { '1d': 1, '1w': 7, '1m': 30, '3m': 91, '1y': 365, all: null };

/** Stats for the account's fills in the period; trades opened before it still count their cost basis. */
export async function getPaperStats({ userId, accountId, period = 'all', now = new Date() }: { userId: UserId; accountId?: string | undefined; period?: StatsPeriod; now?: Date }) {
  const { account, fills } = await withUserTx(userId, async (tx) => {
    const account = await resolveAccount(tx, userId, accountId);
    const fills = await tx.paperFill.findMany({ where: { userId, accountId: account.id }, orderBy: { filledAt: 'asc' } });
    return { account, fills };
  });
  const days = PERIOD_DAYS[period];
  const from = days === null ? null : new Date(now.getTime() - days * 86_400_000);
  const all = computeStats(
    fills.map((f) => ({ exchange: f.exchange, tradingsymbol: f.tradingsymbol, product: f.product, transactionType: f.transactionType as 'BUY' | 'SELL', quantity: f.quantity, price: f.price.toString(), chargesTotal: f.chargesTotal.toString(), filledAt: f.filledAt })),
    account.openingBalance.toString(),
    from ?? undefined,
  );
  return { period, ...all };
}
