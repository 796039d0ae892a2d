import type { AnalysisStatusView } from '@/lib/analysis/analysis-view';

const LABELS: Record<AnalysisStatusView, { text: string; tone: string }> = {
  queued: { text: 'Queued', tone: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200' },
  running: { text: 'Analysing', tone: 'bg-brand-50 text-brand-700 dark:bg-brand-700/30 dark:text-brand-100' },
  succeeded: { text: 'Done', tone: 'bg-emerald-50 text-emerald-800 dark:bg-emerald-950/50 dark:text-emerald-200' },
  failed: { text: 'Failed', tone: 'bg-red-50 text-red-800 dark:bg-red-950/50 dark:text-red-200' },
};

export function StatusBadge({ status }: { status: AnalysisStatusView }) {
  const { text, tone } = LABELS[status];
  return <span className={`shrink-0 rounded-full px-2.5 py-0.5 text-xs font-semibold ${tone}`}>{text}</span>;
}
