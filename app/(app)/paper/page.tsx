import type { Metadata } from 'next';
import { EmptyState, PageHeader } from '@/app/_components/empty-state';
import { requireUser } from '@/lib/auth/session';
import { formatInr } from '@/lib/format/inr';
import { getPaperAccount } from '@/lib/paper/account/get-paper-account';

export const metadata: Metadata = { title: 'Paper trading' };

export default async function PaperPage() {
  const user = await requireUser();
  const account = await getPaperAccount({ userId: user.id });
  return (
    <>
      <PageHeader title="Paper trading" description="A virtual account that behaves like Zerodha: real order types, real charges, real settlement." />
      <dl className="mb-6 grid gap-4 sm:grid-cols-2">
        <div className="rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
          <dt className="text-sm text-slate-500 dark:text-slate-400">Available cash</dt>
          <dd className="num mt-1 text-2xl font-semibold" data-testid="paper-cash">{formatInr(account.cash)}</dd>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
          <dt className="text-sm text-slate-500 dark:text-slate-400">Opening balance</dt>
          <dd className="num mt-1 text-2xl font-semibold">{formatInr(account.openingBalance)}</dd>
        </div>
      </dl>
      <EmptyState title="No orders yet">
        <p>
          Your orders, positions, holdings and the ledger of every rupee will appear here. Each fill is charged Zerodha&apos;s real brokerage, STT,
          exchange and SEBI fees, stamp duty and GST.
        </p>
      </EmptyState>
    </>
  );
}
