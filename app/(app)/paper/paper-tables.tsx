'use client';

import { useState } from 'react';
import type { Holding, LedgerRow, Order, Position, Trade } from './api-client';
import { buttonClass, inputClass, inr, orderTime, pnlClass, sourceLabel, tableClass, thClass } from './format';
import { LEDGER_PAGE } from '@/lib/paper/read/ledger-page';
import { TradeCharges } from './trade-charges';

function Table({ caption, head, children, empty, hide = [] }: { caption: string; head: string[]; children: React.ReactNode; empty: boolean; hide?: readonly string[] }) {
  if (empty) return <p className="p-3 text-sm text-slate-500">No {caption.toLowerCase()} yet.</p>;
  // Below `sm` the table is not a table: each row lays its cells out as a small card (the *RowPhone classes).
  return (
    <div className="overflow-x-auto">
      <table className={`${tableClass} max-sm:block`}>
        <caption className="sr-only">{caption}</caption>
        <thead className="max-sm:hidden">
          <tr>{head.map((h) => <th key={h} scope="col" className={`${thClass}${hide.includes(h) ? ' hidden sm:table-cell' : ''}`}>{h}</th>)}</tr>
        </thead>
        <tbody className="divide-y divide-slate-100 max-sm:block dark:divide-slate-800">{children}</tbody>
      </table>
    </div>
  );
}

// The tables share their card with the order ticket at desktop width (about 650 px at 1280):
// tight cells, secondary facts on a second line, so status, actions and P&L are in view without
// scrolling sideways. On a phone times move under the instrument.
const tdWrap = 'px-2 py-2 align-top max-sm:px-1 max-sm:py-0.5';
const td = `${tdWrap} whitespace-nowrap`;
// On a phone a row is a card: orders and trades as instrument · side · quantity over price ·
// status (or charges), positions and holdings as instrument · quantity over price · P&L.
const orderRowPhone = 'max-sm:grid max-sm:grid-cols-[1.4fr_1fr_0.7fr] max-sm:py-2';
const positionRowPhone = 'max-sm:grid max-sm:grid-cols-2 max-sm:py-2';
const ledgerRowPhone = 'max-sm:grid max-sm:grid-cols-[1.6fr_1fr_1fr] max-sm:py-2';
const hideOnPhone = ['Time'] as const;

const statusClass = (status: string) =>
  status === 'COMPLETE' ? 'text-gain' : status === 'REJECTED' ? 'text-loss' : status === 'CANCELLED' ? 'text-slate-500' : 'text-amber-600 dark:text-amber-400';

export function OrderBook({ orders, readOnly, onCancel, onModify }: { orders: Order[]; readOnly: boolean; onCancel: (id: string) => void; onModify: (id: string, changes: { quantity: number; price?: string; trigger_price?: string }) => Promise<string | null> }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState({ quantity: '', price: '', trigger: '' });
  const [error, setError] = useState<string | null>(null);
  return (
    <Table caption="Orders" head={['Time', 'Instrument', 'Side', 'Qty', 'Price', 'Status']} empty={orders.length === 0} hide={hideOnPhone}>
      {orders.map((o) => {
        const live = o.status === 'OPEN' || o.status === 'TRIGGER PENDING';
        return (
          <tr key={o.order_id} data-testid="order-row" data-status={o.status} className={orderRowPhone}>
            <td className={`${td} hidden sm:table-cell`}>{orderTime(o.order_timestamp)}</td>
            <td className={td}>
              {o.tradingsymbol}
              <span className="block text-xs text-slate-500">{o.exchange} · {o.product}<span className="sm:hidden"> · {orderTime(o.order_timestamp)}</span></span>
            </td>
            <td className={td}>
              <span className={`font-semibold ${o.transaction_type === 'BUY' ? 'text-brand-600 dark:text-brand-100' : 'text-loss'}`}>{o.transaction_type}</span>
              <span className="block text-xs text-slate-500">{o.order_type}{o.validity === 'IOC' ? ' · IOC' : ''}</span>
            </td>
            <td className={`${td} num`}>{o.filled_quantity}/{o.quantity}</td>
            <td className={`${td} num`}>
              {o.price ? inr(o.price) : 'MKT'}
              {o.trigger_price ? <span className="block text-xs text-slate-500">trg {inr(o.trigger_price)}</span> : null}
              {o.average_price ? <span className="block text-xs text-slate-500">avg {inr(o.average_price)}</span> : null}
            </td>
            <td className={`${tdWrap} w-full min-w-44 max-sm:col-span-2 max-sm:min-w-0`}>
              <span className={`font-semibold ${statusClass(o.status)}`}>{o.status}</span>
              {o.status_message ? <span className="block text-xs text-slate-500">{o.status_message}</span> : null}
              {live && !readOnly ? (
                editing === o.order_id ? (
                  <form
                    className="mt-1 flex flex-wrap items-end gap-1"
                    onSubmit={async (e) => {
                      e.preventDefault();
                      const problem = await onModify(o.order_id, { quantity: Number(draft.quantity), ...(draft.price && { price: draft.price }), ...(draft.trigger && { trigger_price: draft.trigger }) });
                      setError(problem);
                      if (!problem) setEditing(null);
                    }}
                  >
                    <label className="text-xs">Qty<input aria-label="New quantity" className={`${inputClass} w-20`} value={draft.quantity} onChange={(e) => setDraft({ ...draft, quantity: e.target.value })} /></label>
                    {o.order_type === 'LIMIT' || o.order_type === 'SL' ? <label className="text-xs">Price<input aria-label="New price" className={`${inputClass} w-24`} value={draft.price} onChange={(e) => setDraft({ ...draft, price: e.target.value })} /></label> : null}
                    {o.order_type === 'SL' || o.order_type === 'SL-M' ? <label className="text-xs">Trigger<input aria-label="New trigger price" className={`${inputClass} w-24`} value={draft.trigger} onChange={(e) => setDraft({ ...draft, trigger: e.target.value })} /></label> : null}
                    <button type="submit" className={buttonClass}>Save</button>
                    <button type="button" className={buttonClass} onClick={() => setEditing(null)}>Close</button>
                    {error ? <p role="alert" className="w-full text-xs text-loss">{error}</p> : null}
                  </form>
                ) : (
                  <span className="mt-1 flex gap-1">
                    <button type="button" className={buttonClass} onClick={() => { setEditing(o.order_id); setError(null); setDraft({ quantity: String(o.quantity), price: o.price ? String(o.price) : '', trigger: o.trigger_price ? String(o.trigger_price) : '' }); }}>Modify</button>
                    <button type="button" className={buttonClass} onClick={() => onCancel(o.order_id)} aria-label={`Cancel order ${o.transaction_type} ${o.quantity} ${o.tradingsymbol}`}>Cancel</button>
                  </span>
                )
              ) : null}
            </td>
          </tr>
        );
      })}
    </Table>
  );
}

export function PositionsTable({ positions }: { positions: Position[] }) {
  return (
    <Table caption="Positions" head={['Instrument', 'Qty', 'LTP', 'P&L']} empty={positions.length === 0}>
      {positions.map((p) => (
        <tr key={`${p.exchange}:${p.tradingsymbol}:${p.product}:${p.trading_day}`} data-testid="position-row" className={positionRowPhone}>
          <td className={td}>
            {p.tradingsymbol}
            <span className="block text-xs text-slate-500">{p.exchange} · {p.product} · {p.trading_day}</span>
            {p.awaiting_settlement && (
              <span className="block max-w-60 text-xs whitespace-normal text-amber-700 dark:text-amber-400" data-testid="awaiting-settlement">
                Expired {p.expiry}: awaiting the settlement price (Kite-priced positions settle at the close Kite reports; connect Kite if it is not)
              </span>
            )}
          </td>
          <td className={`${td} num`}>{p.quantity}<span className="block text-xs text-slate-500">avg {inr(p.average_price)}</span></td>
          <td className={`${td} num`}>{inr(p.last_price)}<span className="block text-xs text-slate-500">{sourceLabel(p.price_source, p.price_time)}</span></td>
          <td className={`${td} num`}>
            <span className={`font-semibold ${pnlClass(p.pnl)}`} data-testid="position-pnl">{inr(p.pnl, true)}</span>
            <span className="block text-xs text-slate-500">realised <span className={pnlClass(p.realised)}>{inr(p.realised, true)}</span></span>
            {/* Without a price the open part has no P&L yet, which is not the same as none. */}
            <span className="block text-xs text-slate-500">
              unrealised {p.awaiting_settlement ? 'at settlement' : <span className={pnlClass(p.unrealised)}>{inr(p.unrealised, true)}</span>}
            </span>
          </td>
        </tr>
      ))}
    </Table>
  );
}

export function HoldingsTable({ holdings }: { holdings: Holding[] }) {
  return (
    <Table caption="Holdings" head={['Instrument', 'Qty', 'LTP', 'P&L']} empty={holdings.length === 0}>
      {holdings.map((h) => (
        <tr key={`${h.exchange}:${h.tradingsymbol}`} className={positionRowPhone}>
          <td className={td}>{h.tradingsymbol}<span className="block text-xs text-slate-500">{h.exchange}</span></td>
          <td className={`${td} num`}>
            {h.quantity}
            {h.t1_quantity > 0 ? <span className="block text-xs text-slate-500">+{h.t1_quantity} T1</span> : null}
            <span className="block text-xs text-slate-500">avg {inr(h.average_price)}</span>
          </td>
          <td className={`${td} num`}>{inr(h.last_price)}<span className="block text-xs text-slate-500">{sourceLabel(h.price_source, h.price_time)}</span></td>
          <td className={`${td} num font-semibold ${pnlClass(h.pnl)}`}>{inr(h.pnl, true)}</td>
        </tr>
      ))}
    </Table>
  );
}

export function TradesTable({ trades }: { trades: Trade[] }) {
  return (
    <Table caption="Trades" head={['Time', 'Instrument', 'Side', 'Qty', 'Price', 'Charges (contract note)']} empty={trades.length === 0} hide={hideOnPhone}>
      {trades.map((t) => (
        <tr key={t.trade_id} data-testid="trade-row" className={orderRowPhone}>
          <td className={`${td} hidden sm:table-cell`}>{orderTime(t.fill_timestamp)}</td>
          <td className={td}>
            {t.tradingsymbol}
            <span className="block text-xs text-slate-500">{t.exchange} · {t.product}<span className="sm:hidden"> · {orderTime(t.fill_timestamp)}</span></span>
          </td>
          <td className={td}>{t.transaction_type}</td>
          <td className={`${td} num`}>{t.quantity}</td>
          <td className={`${td} num`}>{inr(t.average_price)}<span className="block text-xs text-slate-500">{t.price_source === 'kite' ? 'Kite live' : 'Simulated'}</span></td>
          <td className={`${td} max-sm:col-span-2`}><TradeCharges trade={t} /></td>
        </tr>
      ))}
    </Table>
  );
}

export function LedgerTable({ ledger }: { ledger: LedgerRow[] }) {
  return (
    <>
      {ledger.length >= LEDGER_PAGE ? <p className="p-2 text-xs text-slate-500">The newest {LEDGER_PAGE.toLocaleString('en-IN')} entries; each balance counts every entry before it.</p> : null}
      <Table caption="Ledger" head={['Time', 'Entry', 'Amount', 'Balance']} empty={ledger.length === 0} hide={hideOnPhone}>
        {ledger.map((l) => (
          <tr key={l.id} className={ledgerRowPhone}>
            <td className={`${td} hidden sm:table-cell`}>{orderTime(l.created_at)}</td>
            <td className={tdWrap}>
              <span className="block first-letter:uppercase">{l.kind.replaceAll('_', ' ').toLowerCase()}</span>
              <span className="block text-xs text-slate-500">{l.note}<span className="sm:hidden"> · {orderTime(l.created_at)}</span></span>
            </td>
            <td className={`${td} num ${pnlClass(l.amount)}`}>{inr(l.amount, true)}</td>
            <td className={`${td} num`}>{inr(l.balance)}</td>
          </tr>
        ))}
      </Table>
    </>
  );
}
