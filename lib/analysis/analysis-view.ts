import type { Prisma } from '@/prisma/generated/client';

export const ANALYSIS_SELECT = {
  id: true,
  kind: true,
  question: true,
  useHistory: true,
  status: true,
  failureReason: true,
  result: true,
  instrument: true,
  model: true,
  promptVersion: true,
  inputTokens: true,
  outputTokens: true,
  costUsd: true,
  createdAt: true,
  completedAt: true,
  images: {
    select: { position: true, mediaType: true, width: true, height: true, byteSize: true, sha256: true },
    orderBy: { position: 'asc' },
  },
} satisfies Prisma.AnalysisSelect;

export type AnalysisRow = Prisma.AnalysisGetPayload<{ select: typeof ANALYSIS_SELECT }>;

export type AnalysisStatusView = 'queued' | 'running' | 'succeeded' | 'failed';

export type AnalysisView = {
  id: string;
  kind: 'chart' | 'broker';
  status: AnalysisStatusView;
  question: string | null;
  use_history: boolean;
  failure_reason: string | null;
  instrument: string | null;
  result: unknown;
  model: string | null;
  prompt_version: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
  cost_usd: string | null;
  created_at: string;
  completed_at: string | null;
  images: { position: number; url: string; media_type: string; width: number; height: number; byte_size: number; sha256: string }[];
};

export function imageUrl(analysisId: string, position: number): string {
  return `/api/v1/analyses/${analysisId}/images/${position}`;
}

/** The API and page shape: snake_case like Kite's, prices inside `result` as decimal strings. */
export function toAnalysisView(row: AnalysisRow, options: { includeResult?: boolean } = {}): AnalysisView {
  return {
    id: row.id,
    kind: row.kind === 'CHART' ? 'chart' : 'broker',
    status: row.status.toLowerCase() as AnalysisStatusView,
    question: row.question,
    use_history: row.useHistory,
    failure_reason: row.failureReason,
    instrument: row.instrument,
    result: options.includeResult === false ? null : (row.result ?? null),
    model: row.model,
    prompt_version: row.promptVersion,
    input_tokens: row.inputTokens,
    output_tokens: row.outputTokens,
    cost_usd: row.costUsd === null ? null : row.costUsd.toFixed(6),
    created_at: row.createdAt.toISOString(),
    completed_at: row.completedAt?.toISOString() ?? null,
    images: row.images.map((image) => ({
      position: image.position,
      url: imageUrl(row.id, image.position),
      media_type: image.mediaType,
      width: image.width,
      height: image.height,
      byte_size: image.byteSize,
      sha256: image.sha256,
    })),
  };
}
