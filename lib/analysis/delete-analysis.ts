import 'server-only';
import type { UserId } from '@/lib/auth/user-id';
import { withUserTx } from '@/lib/db/rls';
import { notFound } from '@/lib/errors';
import { isAnalysisId } from './get-analysis';

/**
 * Deletes an analysis and, by the foreign key's cascade, its images. A job still queued for it
 * finds no analysis and finishes without calling Claude.
 */
export async function deleteAnalysis({ userId, analysisId }: { userId: UserId; analysisId: string }): Promise<void> {
  if (!isAnalysisId(analysisId)) throw notFound('Analysis');
  const { count } = await withUserTx(userId, async (tx) => {
    await tx.analysisImage.deleteMany({ where: { analysisId, userId } });
    return tx.analysis.deleteMany({ where: { id: analysisId, userId } });
  });
  if (count === 0) throw notFound('Analysis');
}
