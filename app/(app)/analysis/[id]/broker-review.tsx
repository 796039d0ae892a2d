'use client';

import { useState } from 'react';
import type { AnalysisView } from '@/lib/analysis/analysis-view';
import type { BrokerExtraction } from '@/lib/analysis/schemas/broker-extraction';
import { EXCHANGES } from '@/lib/analysis/schemas/price';
import { resolveTradeTime } from '@/lib/journal/resolve-trade-time';

type Row = { key: string; tradingsymbol: string; exchange: string; transaction_type: string; quantity: string; price: string; traded_at: string; product: string };
type Errors = Record<string, string[]>;

const IST_MS = 5.5 * 60 * 60 * 1000;

// Shown and edited in India time with an explicit offset, so what the trader reads is what is saved.
function toIstText(iso: string | null): string {
  if (!iso) return '';
  return `${new Date(new Date(iso).getTime() + IST_MS).toISOString().slice(0, 19)}+05:30`;
}

const cell = 'rounded border border-slate-300 bg-white px-1.5 py-1 text-sm dark:border-slate-700 dark:bg-slate-900';

export function BrokerReview({ analysis, result }: { analysis: AnalysisView; result: BrokerExtraction }) {
  const [rows, setRows] = useState<Row[]>(() =>
    result.trades.map((t, i) => ({
      key: `r${i}`,
      tradingsymbol: t.tradingsymbol,
      exchange: t.exchange,
      transaction_type: t.transaction_type,
      quantity: String(t.quantity),
      price: t.price,
      traded_at: toIstText(resolveTradeTime(t.trade_time, new Date(analysis.created_at))),
      product: t.product ?? '',
    })),
  );
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const update = (key: string, field: keyof Row, value: string) => setRows((current) => current.map((r) => (r.key === key ? { ...r, [field]: value } : r)));

  async function save() {
    setBusy(true);
    setStatus(null);
    setErrors({});
    const trades = rows.map(({ key: _key, product, quantity, ...rest }) => ({ ...rest, quantity, product: product || null }));
    const response = await fetch(`/api/v1/analyses/${analysis.id}/journal`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ trades }),
    }).catch(() => null);
    setBusy(false);
    if (!response) return setStatus({ tone: 'error', text: 'Could not reach the server. Try again.' });
    const body = (await response.json().catch(() => ({}))) as { saved?: number; duplicates?: number[]; error?: { message: string; fields?: Errors } };
    if (!response.ok) {
      setErrors(body.error?.fields ?? {});
      return setStatus({ tone: 'error', text: body.error?.message ?? 'Saving failed.' });
    }
    const dupes = body.duplicates ?? [];
    const text =
      `Saved ${body.saved ?? 0} trade${body.saved === 1 ? '' : 's'} to your journal.` +
      (dupes.length ? ` Skipped ${dupes.length} already in your journal (row ${dupes.map((i) => i + 1).join(', ')}).` : '');
    setStatus({ tone: 'ok', text });
  }

  const err = (index: number, field: string) => errors[`trades.${index}.${field}`]?.join(' ');

  return (
    <article className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900" aria-label="Extracted trades">
      <header>
        <h2 className="text-lg font-semibold">Review the extracted trades</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Read by {analysis.model ?? 'Claude'} from a {result.screenshot_kind.replace('_', ' ')} screenshot. Correct anything misread, remove rows you do not want, then save them to
          your journal. Times are India time.
        </p>
      </header>
      {result.warnings.length > 0 ? (
        <ul className="list-disc rounded-md bg-amber-50 py-2 pr-3 pl-7 text-sm text-amber-950 dark:bg-amber-950/40 dark:text-amber-100">
          {result.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      ) : null}
      {rows.length === 0 ? (
        <p className="text-sm">No executed trades were found in this screenshot.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[44rem] text-left text-sm">
            <caption className="sr-only">Extracted trades, editable</caption>
            <thead className="text-xs text-slate-500 uppercase">
              <tr>
                <th className="p-1">Symbol</th>
                <th className="p-1">Exchange</th>
                <th className="p-1">Side</th>
                <th className="p-1">Qty</th>
                <th className="p-1">Price (₹)</th>
                <th className="p-1">Time (IST)</th>
                <th className="p-1">Product</th>
                <th className="p-1">
                  <span className="sr-only">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => {
                const n = index + 1;
                const field = (name: keyof Row, input: React.ReactNode) => (
                  <td className="p-1 align-top">
                    {input}
                    {err(index, name) ? <p className="text-xs text-loss">{err(index, name)}</p> : null}
                  </td>
                );
                return (
                  <tr key={row.key} data-testid="trade-row">
                    {field('tradingsymbol', <input aria-label={`Row ${n} symbol`} className={`${cell} w-44`} value={row.tradingsymbol} onChange={(e) => update(row.key, 'tradingsymbol', e.target.value)} />)}
                    {field(
                      'exchange',
                      <select aria-label={`Row ${n} exchange`} className={`${cell} w-20`} value={row.exchange} onChange={(e) => update(row.key, 'exchange', e.target.value)}>
                        {EXCHANGES.map((x) => (
                          <option key={x}>{x}</option>
                        ))}
                      </select>,
                    )}
                    {field(
                      'transaction_type',
                      <select aria-label={`Row ${n} side`} className={`${cell} w-20`} value={row.transaction_type} onChange={(e) => update(row.key, 'transaction_type', e.target.value)}>
                        <option>BUY</option>
                        <option>SELL</option>
                      </select>,
                    )}
                    {field('quantity', <input aria-label={`Row ${n} quantity`} inputMode="numeric" className={`${cell} num w-20`} value={row.quantity} onChange={(e) => update(row.key, 'quantity', e.target.value)} />)}
                    {field('price', <input aria-label={`Row ${n} price`} inputMode="decimal" className={`${cell} num w-24`} value={row.price} onChange={(e) => update(row.key, 'price', e.target.value)} />)}
                    {field('traded_at', <input aria-label={`Row ${n} time`} className={`${cell} num w-60`} value={row.traded_at} placeholder="2026-11-20T09:32:14+05:30" onChange={(e) => update(row.key, 'traded_at', e.target.value)} />)}
                    {field(
                      'product',
                      <select aria-label={`Row ${n} product`} className={cell} value={row.product} onChange={(e) => update(row.key, 'product', e.target.value)}>
                        <option value="">—</option>
                        <option>CNC</option>
                        <option>MIS</option>
                        <option>NRML</option>
                        <option>MTF</option>
                      </select>,
                    )}
                    <td className="p-1 align-top">
                      <button type="button" aria-label={`Remove row ${n}`} onClick={() => setRows((c) => c.filter((r) => r.key !== row.key))} className="rounded px-2 py-1 text-slate-500 hover:bg-red-50 hover:text-red-800 dark:hover:bg-red-950/40">
                        ✕
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {status ? (
        <div role={status.tone === 'error' ? 'alert' : 'status'} className={`rounded-md border px-3 py-2 text-sm ${status.tone === 'error' ? 'border-loss/40 bg-red-50 text-red-900 dark:bg-red-950/40 dark:text-red-200' : 'border-gain/40 bg-emerald-50 text-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-200'}`}>
          {status.text}
        </div>
      ) : null}
      <button type="button" onClick={save} disabled={busy || rows.length === 0} className="inline-flex rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
        {busy ? 'Saving…' : `Save ${rows.length} trade${rows.length === 1 ? '' : 's'} to journal`}
      </button>
    </article>
  );
}
