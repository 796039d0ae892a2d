import { z } from 'zod';
import { analysisConfig } from '@/lib/analysis/analysis-config';
import { createAnalysis, notConfiguredError } from '@/lib/analysis/create-analysis';
import { listAnalyses } from '@/lib/analysis/list-analyses';
import { parseAnalysisUpload } from '@/lib/analysis/parse-analysis-upload';
import { ANALYSIS_KINDS } from '@/lib/analysis/schemas/analysis-tools';
import { withUser } from '@/lib/http/route';

// Multipart is read by parseAnalysisUpload under its own size limit, not by the JSON body option.
export const POST = withUser({}, async ({ request, user }) => {
  if (!analysisConfig().configured) throw notConfiguredError();
  const upload = await parseAnalysisUpload(request);
  return { status: 202, data: { analysis: await createAnalysis({ userId: user.id, ...upload }) } };
});

const ListQuery = z.object({
  instrument: z.string().trim().max(60).optional(),
  kind: z.enum(ANALYSIS_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const GET = withUser({ query: ListQuery }, async ({ query, user }) => ({
  data: { analyses: await listAnalyses({ userId: user.id, ...query }) },
}));
