import { deleteAnalysis } from '@/lib/analysis/delete-analysis';
import { getAnalysis } from '@/lib/analysis/get-analysis';
import { withUser } from '@/lib/http/route';

const idOf = (params: Record<string, string | string[]>) => String(params.id ?? '');

export const GET = withUser({}, async ({ params, user }) => ({
  data: { analysis: await getAnalysis({ userId: user.id, analysisId: idOf(params) }) },
}));

export const DELETE = withUser({}, async ({ params, user }) => {
  await deleteAnalysis({ userId: user.id, analysisId: idOf(params) });
  return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
});
