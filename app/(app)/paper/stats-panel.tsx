'use client';

import { useEffect, useState } from 'react';
import { api } from './api-client';
import { EquityChart } from './equity-chart';
import { inr, pnlClass } from './format';

type Stats = {
  gross_pnl: string; total_charges: string; net_pnl: string; closed_trades: number; win_rate: string | null; average_win: string | null; average_loss: string | null;
  profit_factor: string | null; expectancy: string | null; max_drawdown: string; daily_sharpe: string | null; equity_curve: { time: string; equity: string }[];
};
const PERIODS = [['1d', 'Today'], ['1w', 'Week'], ['1m', 'Month'], ['3m', '3 months'], ['1y', 'Year'], ['all', 'All']] as const;

export function StatsPanel({ accountId }: { accountId: string | null }) {
  const [period, setPeriod] = useState<string>('all');
  const [stats, setStats] = useState<Stats | null>(null);
  useEffect(() => {
    void api<{ stats: Stats }>(`/api/v1/paper/stats?period=${period}${accountId ? `&account_id=${accountId}` : ''}`).then((r) => r.ok && setStats(r.data.stats));
  }, [period, accountId]);
  return (
    <div className="space-y-3">
      <label className="text-sm">
        Period{' '}
        <select value={period} onChange={(e) => setPeriod(e.target.value)} className="ml-1 rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900">
          {PERIODS.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </label>
      {stats ? (
        <>
          <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
            {[
              ['Net P&L (after charges)', inr(stats.net_pnl, true), pnlClass(stats.net_pnl)],
              ['Gross P&L', inr(stats.gross_pnl, true), pnlClass(stats.gross_pnl)],
              ['Total charges', inr(stats.total_charges), ''],
              ['Closed trades', String(stats.closed_trades), ''],
              ['Win rate', stats.win_rate === null ? '—' : `${stats.win_rate}%`, ''],
              ['Average win / loss', `${inr(stats.average_win)} / ${inr(stats.average_loss)}`, ''],
              ['Profit factor', stats.profit_factor ?? '—', ''],
              ['Expectancy', inr(stats.expectancy, true), ''],
              ['Max drawdown', inr(stats.max_drawdown), ''],
              ['Daily Sharpe', stats.daily_sharpe ?? '—', ''],
            ].map(([label, value, cls]) => (
              <div key={label}>
                <dt className="text-xs text-slate-500">{label}</dt>
                <dd className={`num font-semibold ${cls}`}>{value}</dd>
              </div>
            ))}
          </dl>
          <EquityChart points={stats.equity_curve} />
        </>
      ) : (
        <p className="text-sm text-slate-500">Loading performance…</p>
      )}
    </div>
  );
}
