'use client';

import { useEffect, useState } from 'react';
import type { AnalysisView } from '@/lib/analysis/analysis-view';
import type { BrokerExtraction } from '@/lib/analysis/schemas/broker-extraction';
import type { ChartAnalysis } from '@/lib/analysis/schemas/chart-analysis';
import { BrokerReview } from './broker-review';
import { ChartResult } from './chart-result';

const POLL_MS = 1500;
const STEPS = [
  { key: 'queued', label: 'Queued' },
  { key: 'running', label: 'Analysing' },
  { key: 'done', label: 'Done' },
] as const;

function Progress({ analysis }: { analysis: AnalysisView }) {
  const at = analysis.status === 'queued' ? 0 : analysis.status === 'running' ? 1 : 2;
  const failed = analysis.status === 'failed';
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <ol className="flex items-center gap-2 text-sm" aria-label="Progress">
        {STEPS.map((step, index) => {
          const label = index === 2 && failed ? 'Failed' : step.label;
          const state = index < at ? 'complete' : index === at ? 'current' : 'upcoming';
          const tone =
            index === 2 && failed ? 'bg-loss text-white'
            : state === 'upcoming' ? 'bg-slate-100 text-slate-500 dark:bg-slate-800 dark:text-slate-400'
            : 'bg-brand-600 text-white';
          return (
            <li key={step.key} className="flex items-center gap-2" aria-current={state === 'current' ? 'step' : undefined}>
              <span className={`inline-flex items-center gap-1.5 rounded-full px-3 py-1 font-medium ${tone}`}>
                {state === 'current' && !failed && index < 2 ? <span className="size-3 animate-spin rounded-full border-2 border-current border-t-transparent" aria-hidden="true" /> : null}
                {label}
              </span>
              {index < STEPS.length - 1 ? <span aria-hidden="true" className="h-px w-6 bg-slate-300 dark:bg-slate-700" /> : null}
            </li>
          );
        })}
      </ol>
      <p role="status" aria-live="polite" className="mt-3 text-sm text-slate-600 dark:text-slate-400" data-testid="analysis-status">
        {analysis.status === 'queued' ? (analysis.failure_reason ?? 'Waiting for a worker. You can leave this page and come back; the analysis keeps going.') : null}
        {analysis.status === 'running' ? 'Claude is reading your screenshots. This usually takes under a minute; you can leave and come back.' : null}
        {analysis.status === 'succeeded' ? 'Analysis complete.' : null}
        {failed ? `The analysis failed: ${analysis.failure_reason ?? 'unknown reason.'}` : null}
      </p>
    </div>
  );
}

export function AnalysisLive({ initial }: { initial: AnalysisView }) {
  const [analysis, setAnalysis] = useState(initial);
  const finished = analysis.status === 'succeeded' || analysis.status === 'failed';

  useEffect(() => {
    if (finished) return;
    let cancelled = false;
    const timer = setInterval(async () => {
      const response = await fetch(`/api/v1/analyses/${initial.id}`, { cache: 'no-store' }).catch(() => null);
      if (!response?.ok || cancelled) return;
      const body = (await response.json()) as { analysis: AnalysisView };
      if (!cancelled) setAnalysis(body.analysis);
    }, POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [finished, initial.id]);

  const images = (
    <div className="space-y-3">
      {analysis.images.map((image) => (
        <a key={image.position} href={image.url} target="_blank" rel="noreferrer" className="block">
          {/* Our own route serves these to the owner only, with no-store. */}
          <img src={image.url} alt={`Screenshot ${image.position + 1} as sent to Claude (${image.width} × ${image.height})`} width={image.width} height={image.height} className="h-auto w-full rounded-lg border border-slate-200 dark:border-slate-700" />
        </a>
      ))}
    </div>
  );

  return (
    <div className="space-y-6">
      <Progress analysis={analysis} />
      {analysis.kind === 'chart' ? (
        <div className="grid gap-6 lg:grid-cols-2">
          {images}
          <div>{analysis.status === 'succeeded' ? <ChartResult analysis={analysis} result={analysis.result as ChartAnalysis} /> : null}</div>
        </div>
      ) : (
        // The review table needs the full width; the screenshot sits above it.
        <div className="space-y-6">
          <div className="max-w-2xl">{images}</div>
          {analysis.status === 'succeeded' ? <BrokerReview analysis={analysis} result={analysis.result as BrokerExtraction} /> : null}
        </div>
      )}
    </div>
  );
}
