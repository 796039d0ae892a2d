import type { Metadata } from 'next';
import { EmptyState, PageHeader } from '@/app/_components/empty-state';

export const metadata: Metadata = { title: 'Analysis' };

export default function AnalysisPage() {
  return (
    <>
      <PageHeader title="Analysis" description="Chart and broker screenshots turned into structured analyses by Claude." />
      <EmptyState title="No analyses yet">
        <p>
          Upload up to five chart screenshots to get the trend, key levels, patterns and a trade plan with entry, stop and targets, or a broker
          screenshot to turn its trades into journal entries. Your past analyses will be listed here.
        </p>
      </EmptyState>
    </>
  );
}
