import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getAnalysis } from '@/lib/analysis/get-analysis';
import { requireUser } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { DeleteAnalysisButton } from '../delete-analysis-button';
import { AnalysisLive } from './analysis-live';

export const metadata: Metadata = { title: 'Analysis' };

export default async function AnalysisDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const analysis = await getAnalysis({ userId: user.id, analysisId: id }).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  return (
    <>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-3">
        <div>
          <Link href="/analysis" className="text-sm text-brand-600 hover:underline">
            ← All analyses
          </Link>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight">{analysis.kind === 'chart' ? 'Chart analysis' : 'Broker screenshot'}</h1>
          {analysis.question ? <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Your question: “{analysis.question}”</p> : null}
        </div>
        <DeleteAnalysisButton id={analysis.id} redirectTo="/analysis" />
      </div>
      <AnalysisLive initial={analysis} />
    </>
  );
}
