import Link from 'next/link';
import type { PlanLeg } from '@/lib/paper/orders/plan-legs';
import type { TicketPrefill } from './order-ticket';

const isCurrent = (leg: PlanLeg, prefill: TicketPrefill) =>
  leg.params.transaction_type === prefill.transaction_type && leg.params.order_type === prefill.order_type && leg.params.price === prefill.price;

/** The orders of an analysed trade plan; each link loads one of them into the ticket to confirm. */
export function PlanPanel({ legs, prefill }: { legs: PlanLeg[]; prefill: TicketPrefill }) {
  if (legs.length === 0) return null;
  return (
    <div className="mb-4 rounded-md border border-brand-100 bg-brand-50 p-3 text-sm dark:border-brand-700 dark:bg-brand-700/20" data-testid="plan-panel">
      <p className="font-semibold">Trade plan from your analysis</p>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Place the entry first; once it fills, load the stop and the target here and place them too.</p>
      <ol className="mt-2 space-y-1">
        {legs.map((leg) => (
          <li key={leg.role}>
            <Link
              href={`/paper?${new URLSearchParams(leg.params).toString()}`}
              aria-current={isCurrent(leg, prefill) ? 'step' : undefined}
              className="underline-offset-4 hover:underline aria-[current=step]:font-semibold"
            >
              {leg.label}
            </Link>
            {isCurrent(leg, prefill) ? <span className="ml-2 text-xs text-slate-500">(in the ticket)</span> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
