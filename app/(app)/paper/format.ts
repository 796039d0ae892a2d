import { formatInr } from '@/lib/format/inr';
import { istDateString, istTimeString } from '@/lib/market/calendar/ist';

export const inr = (value: string | number | null | undefined, sign = false) => (value === null || value === undefined ? '—' : formatInr(String(value), { sign }));

export const pnlClass = (value: string) => (value.startsWith('-') ? 'text-loss' : /[1-9]/.test(value) ? 'text-gain' : '');

export function sourceLabel(source: string | null, time: string | null): string {
  if (!source) return 'no price';
  const label = source === 'kite' ? 'Kite live' : 'Simulated';
  return time ? `${label} · ${new Date(time).toLocaleTimeString('en-IN', { timeZone: 'Asia/Kolkata', hour12: false })} IST` : label;
}

/** Where a margin or charge figure came from: Kite's own (the user's live session) or our estimate. */
export const figureSourceLabel = (source: string) => (source === 'kite' ? 'Zerodha (live)' : 'estimate');

/** An order's time: the clock for today's (what a trader scans), with the date for older ones. */
export function orderTime(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  return istDateString(at) === istDateString(now) ? istTimeString(at) : istTime(iso);
}

export const istTime = (iso: string) => new Date(iso).toLocaleString('en-IN', { timeZone: 'Asia/Kolkata', hour12: false, day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' });

export const tableClass = 'min-w-full divide-y divide-slate-200 text-sm dark:divide-slate-800';
export const thClass = 'px-2 py-2 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400';
export const cardClass = 'rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900';
export const buttonClass = 'rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500 dark:border-slate-700 dark:hover:bg-slate-800';
export const inputClass = 'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base sm:text-sm dark:border-slate-700 dark:bg-slate-900';
