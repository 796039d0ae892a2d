import 'server-only';
import type { UserId } from '@/lib/auth/user-id';
import { withUserTx } from '@/lib/db/rls';
import { notFound } from '@/lib/errors';
import { ANALYSIS_SELECT, toAnalysisView, type AnalysisView } from './analysis-view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isAnalysisId(id: string): boolean {
  return UUID.test(id);
}

/** One analysis of this user; another user's is a 404 like a missing one. */
export async function getAnalysis({ userId, analysisId }: { userId: UserId; analysisId: string }): Promise<AnalysisView> {
  if (!isAnalysisId(analysisId)) throw notFound('Analysis');
  const row = await withUserTx(userId, (tx) => tx.analysis.findFirst({ where: { id: analysisId, userId }, select: ANALYSIS_SELECT }));
  if (!row) throw notFound('Analysis');
  return toAnalysisView(row);
}
