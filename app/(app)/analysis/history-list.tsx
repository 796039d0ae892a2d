import Link from 'next/link';
import type { AnalysisView } from '@/lib/analysis/analysis-view';
import { DeleteAnalysisButton } from './delete-analysis-button';
import { StatusBadge } from './status-badge';

const when = new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Kolkata' });

export function HistoryList({ analyses, instrument, kind }: { analyses: AnalysisView[]; instrument: string; kind: 'chart' | 'broker' | undefined }) {
  const filtered = Boolean(instrument || kind);
  return (
    <section aria-labelledby="history-heading" className="mt-8">
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <h2 id="history-heading" className="text-lg font-semibold">
          Your analyses
        </h2>
        <form method="get" className="flex flex-wrap items-end gap-2" role="search" aria-label="Filter analyses">
          <div>
            <label htmlFor="filter-instrument" className="block text-xs font-medium text-slate-600 dark:text-slate-400">
              Instrument
            </label>
            <input id="filter-instrument" name="instrument" defaultValue={instrument} placeholder="e.g. INFY" className="w-32 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900" />
          </div>
          <div>
            <label htmlFor="filter-kind" className="block text-xs font-medium text-slate-600 dark:text-slate-400">
              Kind
            </label>
            <select id="filter-kind" name="kind" defaultValue={kind ?? ''} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900">
              <option value="">All</option>
              <option value="chart">Chart</option>
              <option value="broker">Broker screenshot</option>
            </select>
          </div>
          <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
            Filter
          </button>
          {filtered ? (
            <Link href="/analysis" className="px-2 py-1.5 text-sm text-brand-600 underline">
              Clear
            </Link>
          ) : null}
        </form>
      </div>
      {analyses.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          {filtered ? 'No analyses match this filter.' : 'No analyses yet. Your past analyses will be listed here.'}
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
          {analyses.map((analysis) => (
            <li key={analysis.id} className="flex items-center gap-3 p-3" data-testid="analysis-row">
              {analysis.images[0] ? (
                <img src={analysis.images[0].url} alt="" width={96} height={54} loading="lazy" className="h-14 w-24 shrink-0 rounded border border-slate-200 object-cover dark:border-slate-700" />
              ) : null}
              <div className="min-w-0 flex-1">
                <Link href={`/analysis/${analysis.id}`} className="font-medium text-brand-700 hover:underline dark:text-brand-100">
                  {analysis.kind === 'chart' ? 'Chart' : 'Broker screenshot'}
                  {analysis.instrument ? ` · ${analysis.instrument}` : ''}
                </Link>
                <p className="truncate text-xs text-slate-500 dark:text-slate-400">
                  {when.format(new Date(analysis.created_at))} IST · {analysis.images.length} image{analysis.images.length === 1 ? '' : 's'}
                  {analysis.question ? ` · “${analysis.question}”` : ''}
                </p>
              </div>
              <StatusBadge status={analysis.status} />
              <DeleteAnalysisButton id={analysis.id} label={`Delete analysis from ${when.format(new Date(analysis.created_at))}`} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
