'use client';

import { useCallback, useEffect, useState } from 'react';
import { api, type Funds, type Holding, type LedgerRow, type Order, type Position, type Trade } from './api-client';
import { buttonClass, cardClass, inr, istTime, pnlClass } from './format';
import { OrderTicket, type TicketPrefill } from './order-ticket';
import { HoldingsTable, LedgerTable, OrderBook, PositionsTable, TradesTable } from './paper-tables';
import { PlanPanel } from './plan-panel';
import { StatsPanel } from './stats-panel';
import type { PlanLeg } from '@/lib/paper/orders/plan-legs';

type Data = { funds: Funds | null; orders: Order[]; positions: Position[]; holdings: Holding[]; trades: Trade[]; ledger: LedgerRow[] };
const TABS = ['Orders', 'Positions', 'Holdings', 'Trades', 'Ledger', 'Performance'] as const;
type Tab = (typeof TABS)[number];

/** The paper-trading workspace: ticket, funds and the account's books, polled while orders are open. */
export function PaperWorkspace({ prefill, marketHours, plan }: { prefill: TicketPrefill; marketHours: 'always' | 'nse'; plan: PlanLeg[] }) {
  const [accountId, setAccountId] = useState<string | null>(null);
  const [data, setData] = useState<Data>({ funds: null, orders: [], positions: [], holdings: [], trades: [], ledger: [] });
  const [tab, setTab] = useState<Tab>('Orders');
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);

  const load = useCallback(async () => {
    const q = accountId ? `?account_id=${accountId}` : '';
    const [funds, orders, positions, holdings, trades, ledger] = await Promise.all([
      api<{ account: Funds }>(`/api/v1/paper/account${q}`),
      api<{ orders: Order[] }>(`/api/v1/paper/orders${q}`),
      api<{ positions: Position[] }>(`/api/v1/paper/positions${q}`),
      api<{ holdings: Holding[] }>(`/api/v1/paper/holdings${q}`),
      api<{ trades: Trade[] }>(`/api/v1/paper/trades${q}`),
      api<{ ledger: LedgerRow[] }>(`/api/v1/paper/ledger${q}`),
    ]);
    setData((previous) => ({
      funds: funds.ok ? funds.data.account : previous.funds,
      orders: orders.ok ? orders.data.orders : previous.orders,
      positions: positions.ok ? positions.data.positions : previous.positions,
      holdings: holdings.ok ? holdings.data.holdings : previous.holdings,
      trades: trades.ok ? trades.data.trades : previous.trades,
      ledger: ledger.ok ? ledger.data.ledger : previous.ledger,
    }));
    setUpdatedAt(new Date());
  }, [accountId]);

  useEffect(() => {
    void load();
  }, [load]);

  const openOrders = data.orders.some((o) => o.status === 'OPEN' || o.status === 'TRIGGER PENDING');
  const hasLive = openOrders || data.positions.some((p) => p.quantity !== 0);
  useEffect(() => {
    if (!hasLive) return;
    // Live updates while anything is open: the engine fills orders in the background (every 2 s),
    // open positions only need their M2M refreshed (every 5 s).
    const timer = setInterval(() => void load(), openOrders ? 2000 : 5000);
    return () => clearInterval(timer);
  }, [hasLive, openOrders, load]);

  const readOnly = data.funds !== null && !data.funds.active;
  const funds = data.funds;

  async function cancel(id: string) {
    const result = await api(`/api/v1/paper/orders/${id}`, { method: 'DELETE' });
    setNotice(result.ok ? 'Order cancelled.' : result.error.message);
    await load();
  }
  async function modify(id: string, changes: { quantity: number; price?: string; trigger_price?: string }) {
    const result = await api(`/api/v1/paper/orders/${id}`, { method: 'PATCH', body: JSON.stringify(changes) });
    await load();
    if (!result.ok) return [result.error.message, ...Object.values(result.error.fields ?? {}).flat()].join(' ');
    setNotice('Order modified.');
    return null;
  }
  async function reset() {
    const result = await api('/api/v1/paper/reset', { method: 'POST', body: JSON.stringify({ confirm: true }) });
    setConfirmReset(false);
    setNotice(result.ok ? 'Account reset: a fresh ₹1,00,000 account is open. The old one stays viewable below.' : result.error.message);
    setAccountId(null);
    await load();
  }

  return (
    <div className="grid gap-4 lg:grid-cols-[20rem_1fr]">
      <section aria-labelledby="ticket-heading" className={`${cardClass} h-fit`}>
        <h2 id="ticket-heading" className="mb-3 font-semibold">Place an order</h2>
        {readOnly ? null : <PlanPanel legs={plan} prefill={prefill} />}
        {/* Keyed by the prefill, so loading another leg of a plan starts a fresh ticket. */}
        {readOnly ? <p className="text-sm">You are viewing a closed account. <button type="button" className="underline" onClick={() => setAccountId(null)}>Back to the active account</button></p> : <OrderTicket key={JSON.stringify(prefill)} prefill={prefill} onPlaced={() => void load()} />}
        <p className="mt-3 text-xs text-slate-500">
          {marketHours === 'always' ? 'Simulated market: open around the clock (prices are simulated, not live).' : 'Simulated market following NSE hours (09:15–15:30 IST, trading days).'}
        </p>
      </section>

      <div className="min-w-0 space-y-4">
        <section aria-labelledby="funds-heading" className={cardClass}>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="funds-heading" className="font-semibold">Funds {readOnly && funds ? <span className="text-sm font-normal text-slate-500">(closed account opened {istTime(funds.created_at)})</span> : null}</h2>
            <p className="text-xs text-slate-500">{updatedAt ? `Updated ${updatedAt.toLocaleTimeString('en-IN', { timeZone: 'Asia/Kolkata', hour12: false })} IST${hasLive ? ' · refreshing every few seconds' : ''}` : 'Loading…'}</p>
          </div>
          {funds ? (
            <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-3 text-sm sm:grid-cols-3 2xl:grid-cols-6">
              {[
                ['Opening balance', funds.opening_balance, ''],
                ['Available', funds.available, 'paper-available'],
                ['Used margin', funds.used_margin, ''],
                ['Cash', funds.cash, 'paper-cash'],
                ['Realised P&L', funds.realised_pnl, 'paper-realised'],
                ['Charges', funds.charges, 'paper-charges'],
              ].map(([label, value, testId]) => (
                <div key={label}>
                  <dt className="text-xs text-slate-500">{label}</dt>
                  <dd className={`num font-semibold ${label === 'Realised P&L' ? pnlClass(value ?? '') : ''}`} data-testid={testId || undefined}>{inr(value ?? null)}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          {notice ? <p role="status" className="mt-2 text-sm">{notice}</p> : null}
        </section>

        <section className={cardClass}>
          <div role="tablist" aria-label="Paper account views" className="mb-3 flex flex-wrap gap-1">
            {TABS.map((name) => (
              <button key={name} role="tab" type="button" aria-selected={tab === name} aria-controls="paper-panel" id={`tab-${name}`} onClick={() => setTab(name)}
                className={`rounded-md px-3 py-1.5 text-sm ${tab === name ? 'bg-brand-600 font-semibold text-white' : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`}>
                {name}{name === 'Orders' && data.orders.length ? ` (${data.orders.length})` : ''}
              </button>
            ))}
          </div>
          <div id="paper-panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
            {tab === 'Orders' ? <OrderBook orders={data.orders} readOnly={readOnly} onCancel={(id) => void cancel(id)} onModify={modify} /> : null}
            {tab === 'Positions' ? <PositionsTable positions={data.positions} /> : null}
            {tab === 'Holdings' ? <HoldingsTable holdings={data.holdings} /> : null}
            {tab === 'Trades' ? <TradesTable trades={data.trades} /> : null}
            {tab === 'Ledger' ? <LedgerTable ledger={data.ledger} /> : null}
            {tab === 'Performance' ? <StatsPanel accountId={accountId} /> : null}
          </div>
        </section>

        <section aria-labelledby="accounts-heading" className={cardClass}>
          <h2 id="accounts-heading" className="font-semibold">Account</h2>
          {funds && funds.other_accounts.length > 0 ? (
            <ul className="mt-2 space-y-1 text-sm">
              {funds.other_accounts.map((a) => (
                <li key={a.id}>
                  <button type="button" className="underline" onClick={() => setAccountId(a.id)}>
                    View account opened {istTime(a.created_at)}{a.closed_at ? `, closed ${istTime(a.closed_at)}` : ' (active)'}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          {!readOnly ? (
            confirmReset ? (
              <div role="alertdialog" aria-labelledby="reset-q" className="mt-3 rounded-md border border-loss p-3 text-sm">
                <p id="reset-q">Reset the paper account? Open orders are cancelled and a new account with ₹1,00,000 opens. This account stays viewable.</p>
                <div className="mt-2 flex gap-2">
                  <button type="button" className="rounded-md bg-loss px-3 py-1.5 font-semibold text-white" onClick={() => void reset()}>Yes, reset</button>
                  <button type="button" className={buttonClass} onClick={() => setConfirmReset(false)} autoFocus>Keep my account</button>
                </div>
              </div>
            ) : (
              <button type="button" className={`${buttonClass} mt-3`} onClick={() => setConfirmReset(true)}>Reset account…</button>
            )
          ) : null}
        </section>
      </div>
    </div>
  );
}
