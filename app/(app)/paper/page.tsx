import type { Metadata } from 'next';
import { PageHeader } from '@/app/_components/empty-state';
import { requireUser } from '@/lib/auth/session';
import { getEnv } from '@/lib/env';
import { getPaperAccount } from '@/lib/paper/account/get-paper-account';
import { planLegs, readPlan } from '@/lib/paper/orders/plan-legs';
import type { TicketPrefill } from './order-ticket';
import { PaperWorkspace } from './paper-workspace';

export const metadata: Metadata = { title: 'Paper trading' };

const PREFILL_KEYS = ['exchange', 'tradingsymbol', 'transaction_type', 'order_type', 'quantity', 'price', 'trigger_price', 'product', 'validity'] as const;

export default async function PaperPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  await getPaperAccount({ userId: user.id });
  const params = await searchParams;
  // The ticket can be prefilled from the URL (the analysis feature links here); values are only suggestions the form validates.
  const prefill: TicketPrefill = {};
  for (const key of PREFILL_KEYS) {
    const value = params[key];
    if (typeof value === 'string' && value.length > 0 && value.length <= 64) prefill[key] = value;
  }
  const plan = readPlan(params);
  return (
    <>
      <PageHeader title="Paper trading" description="A virtual account that behaves like Zerodha: fills at bid/ask, real charges on every fill, margin blocked and released, MIS square-off and T+1." />
      <PaperWorkspace prefill={prefill} marketHours={getEnv().SIMULATED_MARKET_HOURS} plan={plan ? planLegs(plan) : []} />
    </>
  );
}
