import 'server-only';
import type { UserId } from '@/lib/auth/user-id';
import { withUserTx } from '@/lib/db/rls';
import { ANALYSIS_SELECT, toAnalysisView, type AnalysisView } from './analysis-view';
import type { AnalysisKind } from './schemas/analysis-tools';

export type ListAnalysesFilter = { instrument?: string | undefined; kind?: AnalysisKind | undefined; limit?: number };

/** The user's analyses, newest first, without the (large) result bodies. */
export async function listAnalyses({ userId, instrument, kind, limit = 50 }: { userId: UserId } & ListAnalysesFilter): Promise<AnalysisView[]> {
  const rows = await withUserTx(userId, (tx) =>
    tx.analysis.findMany({
      where: {
        userId,
        ...(kind ? { kind: kind === 'chart' ? 'CHART' : 'BROKER' } : {}),
        ...(instrument ? { instrument: { contains: instrument.trim(), mode: 'insensitive' } } : {}),
      },
      orderBy: { createdAt: 'desc' },
      take: limit,
      select: ANALYSIS_SELECT,
    }),
  );
  return rows.map((row) => toAnalysisView(row, { includeResult: false }));
}
