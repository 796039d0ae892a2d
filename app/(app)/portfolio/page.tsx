import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState, PageHeader } from '@/app/_components/empty-state';
import { requireUser } from '@/lib/auth/session';
import type { KiteHolding, KiteMargins, KiteOrder, KitePosition, KiteTrade } from '@/lib/kite/schemas';
import { getPortfolioView } from '@/lib/portfolio/get-portfolio-view';
import { isPortfolioKind, PORTFOLIO_KINDS, type PortfolioKind } from '@/lib/portfolio/kinds';
import { RefreshButton } from './refresh-button';
import { HoldingsView, MarginsView, OrdersView, PositionsView, TradesView } from './tables';

export const metadata: Metadata = { title: 'Portfolio' };

const LABEL: Record<PortfolioKind, string> = { holdings: 'Holdings', positions: 'Positions', orders: 'Orders', trades: 'Trades', margins: 'Funds' };
const dateTime = new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Asia/Kolkata' });

function Content({ kind, data }: { kind: PortfolioKind; data: unknown }) {
  switch (kind) {
    case 'holdings':
      return (data as KiteHolding[]).length ? <HoldingsView holdings={data as KiteHolding[]} /> : <p className="text-slate-500">No holdings.</p>;
    case 'positions':
      return <PositionsView positions={data as { net: KitePosition[]; day: KitePosition[] }} />;
    case 'orders':
      return <OrdersView orders={data as KiteOrder[]} />;
    case 'trades':
      return <TradesView trades={data as KiteTrade[]} />;
    case 'margins':
      return <MarginsView margins={data as KiteMargins} />;
  }
}

export default async function PortfolioPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const tab = (await searchParams).tab;
  const kind: PortfolioKind = isPortfolioKind(tab) ? tab : 'holdings';
  const view = await getPortfolioView({ userId: user.id, kind });
  const header = <PageHeader title="Portfolio" description="Your real Zerodha holdings, positions, orders, trades and funds." />;

  if (view.kite === 'not_linked' && view.source === 'none') {
    return (
      <>
        {header}
        <EmptyState title="Link Zerodha to see your portfolio" action={{ href: '/settings#zerodha', label: 'Go to Settings → Zerodha' }}>
          <p>
            Tradedeck reads your portfolio through your own Kite Connect app. Once it is linked, this page shows holdings (with T1 and pledged
            quantities), net and day positions, orders, trades and funds, each with the time it was fetched. After Zerodha&apos;s daily 6 AM token
            expiry you still see the last snapshot, clearly dated.
          </p>
        </EmptyState>
      </>
    );
  }

  const reconnect = view.kite === 'expired' || view.kite === 'not_connected';
  return (
    <>
      {header}
      <nav aria-label="Portfolio views" className="mb-4 flex gap-1 overflow-x-auto border-b border-slate-200 dark:border-slate-800">
        {PORTFOLIO_KINDS.map((k) => (
          <Link
            key={k}
            href={`/portfolio?tab=${k}`}
            aria-current={k === kind ? 'page' : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap ${
              k === kind ? 'border-brand-600 text-brand-700 dark:text-brand-300' : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400'
            }`}
          >
            {LABEL[k]}
          </Link>
        ))}
      </nav>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3 text-sm">
        <p data-testid="portfolio-source">
          {view.source === 'live' ? (
            <span className="mr-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-semibold text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">LIVE</span>
          ) : view.source === 'snapshot' ? (
            <span className="mr-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-950 dark:text-amber-200">SNAPSHOT</span>
          ) : null}
          {view.fetched_at ? <>From Zerodha, fetched {dateTime.format(new Date(view.fetched_at))} IST</> : 'Nothing fetched yet'}
        </p>
        {view.kite === 'live' || view.kite === 'unavailable' ? <RefreshButton /> : null}
      </div>
      {view.notice ? (
        <div role="status" className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
          <span>{view.notice}</span>
          {reconnect ? (
            <a href="/api/kite/login" className="rounded-md bg-brand-600 px-3 py-1.5 font-semibold text-white hover:bg-brand-700">
              Reconnect Zerodha
            </a>
          ) : null}
        </div>
      ) : null}
      {view.data !== null ? <Content kind={kind} data={view.data} /> : null}
    </>
  );
}
