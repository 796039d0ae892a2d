import type { Metadata } from 'next';
import { EmptyState, PageHeader } from '@/app/_components/empty-state';

export const metadata: Metadata = { title: 'Portfolio' };

export default function PortfolioPage() {
  return (
    <>
      <PageHeader title="Portfolio" description="Your real Zerodha holdings, positions, orders, trades and margins." />
      <EmptyState title="Link Zerodha to see your portfolio" action={{ href: '/settings#zerodha', label: 'Go to Settings → Zerodha' }}>
        <p>
          Tradedeck reads your portfolio through your own Kite Connect app. Once it is linked, this page shows holdings (with T1 and pledged
          quantities), net and day positions, orders, trades and margins, each with the time it was fetched. After Zerodha&apos;s daily 6 AM
          token expiry you still see the last snapshot, clearly dated.
        </p>
      </EmptyState>
    </>
  );
}
