import 'server-only';
import type Anthropic from '@anthropic-ai/sdk';
import { z } from 'zod';
import type { UserId } from '@/lib/auth/user-id';
import { withUserTx } from '@/lib/db/rls';
import { RetryableJobError, type JobHandler } from '@/lib/jobs/job-types';
import { loadTraderHistory } from '@/lib/journal/load-trader-history';
import { analysisConfig } from '@/lib/analysis/analysis-config';
import { createAnthropicClient } from '@/lib/analysis/claude/anthropic-client';
import { estimateCostUsd } from '@/lib/analysis/claude/estimate-cost';
import { PermanentModelError, TransientModelError, runModel, type Usage } from '@/lib/analysis/claude/run-model';
import type { AcceptedImageType } from '@/lib/analysis/images/limits';
import { PROMPT_VERSION } from '@/lib/analysis/prompt/prompt-version';
import type { ParsedAnalysis } from '@/lib/analysis/schemas/analysis-tools';
import { postgresImageStore } from '@/lib/analysis/store/image-store';

const PayloadSchema = z.object({ analysisId: z.uuid() });

export type AnalysisJobOptions = {
  /** Defaults to the environment (ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL). */
  client?: () => Anthropic;
  /** Defaults to ANTHROPIC_MODEL or the default model. */
  model?: string;
};

function instrumentOf(value: ParsedAnalysis): string | null {
  if (value.kind === 'chart') return value.data.instrument?.toUpperCase() ?? null;
  const symbols = [...new Set(value.data.trades.map((t) => t.tradingsymbol))];
  return symbols.length === 0 ? null : symbols.join(', ').slice(0, 200);
}

async function markFailed(userId: UserId, analysisId: string, reason: string, usage?: Usage, model?: string): Promise<void> {
  await withUserTx(userId, (tx) =>
    tx.analysis.updateMany({
      where: { id: analysisId, userId, status: { in: ['QUEUED', 'RUNNING'] } },
      data: {
        status: 'FAILED',
        failureReason: reason.slice(0, 1000),
        completedAt: new Date(),
        ...(usage ? { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens } : {}),
        ...(usage && model ? { costUsd: estimateCostUsd(model, usage.inputTokens, usage.outputTokens) } : {}),
      },
    }),
  );
}

function ownerOf(ownerId: UserId | null): UserId {
  if (!ownerId) throw new Error('An analysis job has no owner.');
  return ownerId;
}

/** Runs one analysis: loads it as its owner, calls Claude outside any transaction, stores the outcome. */
export function analysisJobHandler(options: AnalysisJobOptions = {}): JobHandler {
  const settings = () => {
    const config = analysisConfig();
    if (options.client && options.model) return { client: options.client(), model: options.model };
    if (!config.configured) throw new PermanentModelError('Screenshot analysis is not configured on this server (ANTHROPIC_API_KEY is not set).');
    return {
      client: options.client?.() ?? createAnthropicClient({ apiKey: config.apiKey, baseURL: config.baseURL }),
      model: options.model ?? config.model,
    };
  };

  return {
    async run(job, { signal, lastAttempt }) {
      const userId = ownerOf(job.ownerId);
      const { analysisId } = PayloadSchema.parse(job.payload);
      const loaded = await withUserTx(userId, async (tx) => {
        const { count } = await tx.analysis.updateMany({
          where: { id: analysisId, userId, status: { in: ['QUEUED', 'RUNNING'] } },
          data: { status: 'RUNNING', failureReason: null },
        });
        if (count === 0) return null; // deleted, or already finished by an earlier run
        const analysis = await tx.analysis.findFirstOrThrow({
          where: { id: analysisId, userId },
          select: { kind: true, question: true, useHistory: true },
        });
        const images = await postgresImageStore.readAll(tx, { userId, analysisId });
        const history = analysis.useHistory ? await loadTraderHistory(tx, { userId }) : undefined;
        return { analysis, images, history };
      });
      if (!loaded) return;

      let model = options.model ?? 'unknown';
      try {
        const resolved = settings();
        model = resolved.model;
        const outcome = await runModel({
          client: resolved.client,
          model,
          kind: loaded.analysis.kind === 'CHART' ? 'chart' : 'broker',
          images: loaded.images.map((image) => ({ data: image.data, mediaType: image.mediaType as AcceptedImageType })),
          question: loaded.analysis.question ?? undefined,
          history: loaded.history,
          signal,
        });
        if (!outcome.ok) {
          await markFailed(userId, analysisId, outcome.reason, outcome.usage, model);
          return;
        }
        const { usage, value } = outcome;
        await withUserTx(userId, (tx) =>
          tx.analysis.updateMany({
            where: { id: analysisId, userId, status: 'RUNNING' },
            data: {
              status: 'SUCCEEDED',
              result: value.data,
              instrument: instrumentOf(value),
              model,
              promptVersion: PROMPT_VERSION,
              inputTokens: usage.inputTokens,
              outputTokens: usage.outputTokens,
              costUsd: estimateCostUsd(model, usage.inputTokens, usage.outputTokens),
              completedAt: new Date(),
              failureReason: null,
            },
          }),
        );
      } catch (error) {
        if (error instanceof TransientModelError && !lastAttempt) {
          await withUserTx(userId, (tx) =>
            tx.analysis.updateMany({
              where: { id: analysisId, userId, status: 'RUNNING' },
              data: { status: 'QUEUED', failureReason: `${error.message} Trying again shortly.` },
            }),
          );
          throw new RetryableJobError(error.message);
        }
        if (error instanceof TransientModelError || error instanceof PermanentModelError) {
          await markFailed(userId, analysisId, error.message);
          return;
        }
        throw error;
      }
    },
    async onFailed(job, reason) {
      const parsed = PayloadSchema.safeParse(job.payload);
      if (!parsed.success || !job.ownerId) return;
      // The job's own error may be internal; the trader sees a plain sentence.
      const shown = reason.startsWith('The worker running') ? reason : 'The analysis failed because of an error on our side. Please try again.';
      await markFailed(job.ownerId, parsed.data.analysisId, shown);
    },
  };
}
