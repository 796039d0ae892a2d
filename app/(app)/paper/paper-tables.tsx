'use client';

import { useState } from 'react';
import type { Holding, LedgerRow, Order, Position, Trade } from './api-client';
import { buttonClass, inputClass, inr, istTime, pnlClass, sourceLabel, tableClass, tdClass, thClass } from './format';
import { TradeCharges } from './trade-charges';

function Table({ caption, head, children, empty, thClassName = thClass }: { caption: string; head: string[]; children: React.ReactNode; empty: boolean; thClassName?: string }) {
  if (empty) return <p className="p-3 text-sm text-slate-500">No {caption.toLowerCase()} yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className={tableClass}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>{head.map((h) => <th key={h} scope="col" className={thClassName}>{h}</th>)}</tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">{children}</tbody>
      </table>
    </div>
  );
}

const statusClass = (status: string) =>
  status === 'COMPLETE' ? 'text-gain' : status === 'REJECTED' ? 'text-loss' : status === 'CANCELLED' ? 'text-slate-500' : 'text-amber-600 dark:text-amber-400';

export function OrderBook({ orders, readOnly, onCancel, onModify }: { orders: Order[]; readOnly: boolean; onCancel: (id: string) => void; onModify: (id: string, changes: { quantity: number; price?: string; trigger_price?: string }) => Promise<string | null> }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState({ quantity: '', price: '', trigger: '' });
  const [error, setError] = useState<string | null>(null);
  return (
    <Table caption="Orders" head={['Time', 'Instrument', 'Side', 'Type', 'Qty', 'Price', 'Avg', 'Status', '']} empty={orders.length === 0}>
      {orders.map((o) => {
        const live = o.status === 'OPEN' || o.status === 'TRIGGER PENDING';
        return (
          <tr key={o.order_id} data-testid="order-row" data-status={o.status}>
            <td className={tdClass}>{istTime(o.order_timestamp)}</td>
            <td className={tdClass}>{o.tradingsymbol} <span className="text-xs text-slate-500">{o.exchange} · {o.product}</span></td>
            <td className={`${tdClass} font-semibold ${o.transaction_type === 'BUY' ? 'text-brand-600 dark:text-brand-100' : 'text-loss'}`}>{o.transaction_type}</td>
            <td className={tdClass}>{o.order_type} {o.validity === 'IOC' ? 'IOC' : ''}</td>
            <td className={`${tdClass} num`}>{o.filled_quantity}/{o.quantity}</td>
            <td className={`${tdClass} num`}>{o.price ? inr(o.price) : 'MKT'}{o.trigger_price ? ` · trg ${inr(o.trigger_price)}` : ''}</td>
            <td className={`${tdClass} num`}>{o.average_price ? inr(o.average_price) : '—'}</td>
            <td className={tdClass}>
              <span className={`font-semibold ${statusClass(o.status)}`}>{o.status}</span>
              {o.status_message ? <span className="block max-w-xs text-xs whitespace-normal text-slate-500">{o.status_message}</span> : null}
            </td>
            <td className={tdClass}>
              {live && !readOnly ? (
                editing === o.order_id ? (
                  <form
                    className="flex flex-wrap items-end gap-1"
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
                  <span className="flex gap-1">
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
    <Table caption="Positions" head={['Instrument', 'Product', 'Qty', 'Avg', 'LTP', 'Realised', 'Unrealised', 'P&L']} empty={positions.length === 0}>
      {positions.map((p) => (
        <tr key={`${p.exchange}:${p.tradingsymbol}:${p.product}:${p.trading_day}`} data-testid="position-row">
          <td className={tdClass}>
            {p.tradingsymbol} <span className="text-xs text-slate-500">{p.exchange} · {p.trading_day}</span>
            {p.awaiting_settlement && (
              <span className="block text-xs text-amber-700 dark:text-amber-400" data-testid="awaiting-settlement">
                Expired {p.expiry}: awaiting the settlement price (Kite-priced positions settle at the close Kite reports; connect Kite if it is not)
              </span>
            )}
          </td>
          <td className={tdClass}>{p.product}</td>
          <td className={`${tdClass} num`}>{p.quantity}</td>
          <td className={`${tdClass} num`}>{inr(p.average_price)}</td>
          <td className={`${tdClass} num`}>{inr(p.last_price)}<span className="block text-xs text-slate-500">{sourceLabel(p.price_source, p.price_time)}</span></td>
          <td className={`${tdClass} num ${pnlClass(p.realised)}`}>{inr(p.realised, true)}</td>
          <td className={`${tdClass} num ${pnlClass(p.unrealised)}`}>{inr(p.unrealised, true)}</td>
          <td className={`${tdClass} num font-semibold ${pnlClass(p.pnl)}`} data-testid="position-pnl">{inr(p.pnl, true)}</td>
        </tr>
      ))}
    </Table>
  );
}

export function HoldingsTable({ holdings }: { holdings: Holding[] }) {
  return (
    <Table caption="Holdings" head={['Instrument', 'Qty', 'T1 qty', 'Avg', 'LTP', 'P&L']} empty={holdings.length === 0}>
      {holdings.map((h) => (
        <tr key={`${h.exchange}:${h.tradingsymbol}`}>
          <td className={tdClass}>{h.tradingsymbol} <span className="text-xs text-slate-500">{h.exchange}</span></td>
          <td className={`${tdClass} num`}>{h.quantity}</td>
          <td className={`${tdClass} num`}>{h.t1_quantity}</td>
          <td className={`${tdClass} num`}>{inr(h.average_price)}</td>
          <td className={`${tdClass} num`}>{inr(h.last_price)}<span className="block text-xs text-slate-500">{sourceLabel(h.price_source, h.price_time)}</span></td>
          <td className={`${tdClass} num ${pnlClass(h.pnl)}`}>{inr(h.pnl, true)}</td>
        </tr>
      ))}
    </Table>
  );
}

// The trades table shares its card with the order ticket at desktop width (about 620 px at 1280):
// tighter cells, and time and instrument may take two lines, so the open charge breakdown fits.
const tradeTh = 'px-2 py-2 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400';
const tradeTd = 'px-2 py-2 whitespace-nowrap';
const tradeTdWrap = 'px-2 py-2';

export function TradesTable({ trades }: { trades: Trade[] }) {
  return (
    <Table caption="Trades" head={['Time', 'Instrument', 'Side', 'Qty', 'Price', 'Charges (contract note)']} empty={trades.length === 0} thClassName={tradeTh}>
      {trades.map((t) => (
        <tr key={t.trade_id} data-testid="trade-row" className="align-top">
          <td className={tradeTdWrap}>{istTime(t.fill_timestamp)}</td>
          <td className={tradeTd}>{t.tradingsymbol}<span className="block text-xs text-slate-500">{t.exchange} · {t.product}</span></td>
          <td className={tradeTd}>{t.transaction_type}</td>
          <td className={`${tradeTd} num`}>{t.quantity}</td>
          <td className={`${tradeTd} num`}>{inr(t.average_price)}<span className="block text-xs text-slate-500">{t.price_source === 'kite' ? 'Kite live' : 'Simulated'}</span></td>
          <td className={tradeTd}><TradeCharges trade={t} /></td>
        </tr>
      ))}
    </Table>
  );
}

export function LedgerTable({ ledger }: { ledger: LedgerRow[] }) {
  return (
    <Table caption="Ledger" head={['Time', 'Kind', 'Note', 'Amount', 'Balance']} empty={ledger.length === 0}>
      {ledger.map((l) => (
        <tr key={l.id}>
          <td className={tdClass}>{istTime(l.created_at)}</td>
          <td className={tdClass}>{l.kind.replaceAll('_', ' ').toLowerCase()}</td>
          <td className={`${tdClass} whitespace-normal`}>{l.note}</td>
          <td className={`${tdClass} num ${pnlClass(l.amount)}`}>{inr(l.amount, true)}</td>
          <td className={`${tdClass} num`}>{inr(l.balance)}</td>
        </tr>
      ))}
    </Table>
  );
}
