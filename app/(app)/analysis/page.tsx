import type { Metadata } from 'next';
import { PageHeader } from '@/app/_components/empty-state';
import { analysisConfig } from '@/lib/analysis/analysis-config';
import { listAnalyses } from '@/lib/analysis/list-analyses';
import { ANALYSIS_KINDS } from '@/lib/analysis/schemas/analysis-tools';
import { requireUser } from '@/lib/auth/session';
import { HistoryList } from './history-list';
import { UploadForm } from './upload-form';

export const metadata: Metadata = { title: 'Analysis' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AnalysisPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const params = await searchParams;
  const instrument = typeof params.instrument === 'string' ? params.instrument.slice(0, 60) : '';
  const kind = ANALYSIS_KINDS.find((k) => k === params.kind);
  const config = analysisConfig();
  const analyses = await listAnalyses({ userId: user.id, instrument: instrument || undefined, kind });
  return (
    <>
      <PageHeader title="Analysis" description="Chart and broker screenshots turned into structured analyses by Claude." />
      {config.configured ? (
        <UploadForm dailyQuota={config.dailyQuota} />
      ) : (
        <section role="status" className="rounded-xl border border-amber-300 bg-amber-50 p-5 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
          <h2 className="text-base font-semibold">Analysis is not configured on this server</h2>
          <p className="mt-2">
            Screenshot analysis needs an Anthropic API key. Set <code className="font-mono">ANTHROPIC_API_KEY</code> in the server&apos;s environment
            (optionally <code className="font-mono">ANTHROPIC_MODEL</code> and <code className="font-mono">ANALYSIS_DAILY_QUOTA</code>, see
            <code className="font-mono"> .env.example</code>) and restart it. Uploads are switched off until then.
          </p>
        </section>
      )}
      <HistoryList analyses={analyses} instrument={instrument} kind={kind} />
    </>
  );
}
