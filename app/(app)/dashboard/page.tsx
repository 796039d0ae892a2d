import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/app/_components/empty-state';
import { requireUser } from '@/lib/auth/session';
import { formatInr } from '@/lib/format/inr';
import { getFunds } from '@/lib/paper/read/read-paper';

export const metadata: Metadata = { title: 'Dashboard' };

function Card({ title, href, cta, children }: { title: string; href: string; cta: string; children: React.ReactNode }) {
  return (
    <section className="flex flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <h2 className="text-sm font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">{title}</h2>
      <div className="mt-3 flex-1 text-sm text-slate-700 dark:text-slate-300">{children}</div>
      <Link href={href} className="mt-4 text-sm font-semibold text-brand-600 hover:underline dark:text-brand-100">
        {cta} <span aria-hidden="true">→</span>
      </Link>
    </section>
  );
}

export default async function DashboardPage() {
  const user = await requireUser();
  const funds = await getFunds({ userId: user.id });
  return (
    <>
      <PageHeader title={`Hello, ${user.name}`} description="Your trading workspace at a glance." />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Card title="Paper account" href="/paper" cta="Open paper trading">
          <p className="num text-2xl font-semibold text-slate-900 dark:text-slate-100" data-testid="paper-cash">
            {formatInr(funds.available)}
          </p>
          <p className="mt-1 text-xs text-slate-500">Available virtual cash, from the account ledger</p>
          <p className="mt-2 text-xs">
            Realised P&amp;L <span className={`num font-semibold ${funds.realised_pnl.startsWith('-') ? 'text-loss' : ''}`}>{formatInr(funds.realised_pnl, { sign: true })}</span> · charges{' '}
            <span className="num">{formatInr(funds.charges)}</span> · margin in use <span className="num">{formatInr(funds.used_margin)}</span>
          </p>
        </Card>
        <Card title="Zerodha portfolio" href="/settings#zerodha" cta="Link your Kite app">
          <p>Not linked yet. Link your own Kite Connect app to see holdings, positions, orders and margins here.</p>
        </Card>
        <Card title="Chart analysis" href="/analysis" cta="Go to analysis">
          <p>Upload a chart or broker screenshot and get levels, patterns and a trade plan from Claude.</p>
        </Card>
      </div>
    </>
  );
}
