import 'server-only';
import type { UserId } from '@/lib/auth/user-id';
import { withUserTx, type Tx } from '@/lib/db/rls';
import { AppError } from '@/lib/errors';
import { pokeJobWorker } from '@/lib/jobs/job-worker-registry';
import { countJobsInUserTx, enqueueJobInUserTx } from '@/lib/jobs/enqueue-job';
import { analysisConfig } from './analysis-config';
import { ANALYSIS_SELECT, toAnalysisView, type AnalysisView } from './analysis-view';
import { checkUploads } from './images/check-upload';
import { ImageRejectedError } from './images/image-rejected-error';
import { preprocessImage, type PreprocessedImage } from './images/preprocess-image';
import { ANALYSIS_JOB_KIND, ANALYSIS_JOB_MAX_ATTEMPTS } from './jobs/analysis-job-kind';
import { istDayWindow } from './quota-window';
import type { AnalysisKind } from './schemas/analysis-tools';
import { postgresImageStore } from './store/image-store';

export type CreateAnalysisInput = {
  userId: UserId;
  kind: AnalysisKind;
  question?: string | undefined;
  useHistory: boolean;
  images: readonly Uint8Array[];
};

export type CreatedAnalysis = AnalysisView & {
  /** Images this user already uploaded in an earlier analysis (same bytes after preprocessing). */
  seen_before: { position: number; analysis_id: string }[];
};

export function notConfiguredError(): AppError {
  return new AppError(
    'service_unavailable',
    'Screenshot analysis is not configured on this server: set ANTHROPIC_API_KEY (and optionally ANTHROPIC_MODEL) and restart it.',
  );
}

/** Turns a refused image into the API's error shape, keyed to the `images` field. */
export function imageRejection(error: ImageRejectedError): AppError {
  const code =
    error.code === 'file_too_large' ? 'payload_too_large'
    : error.code === 'unsupported_type' ? 'unsupported_media_type'
    : 'validation_failed';
  return new AppError(code, error.message, { images: [error.message] });
}

function quotaError(limit: number, now: Date): AppError {
  const { end } = istDayWindow(now);
  const retryAfter = Math.max(1, Math.ceil((end.getTime() - now.getTime()) / 1000));
  return new AppError(
    'rate_limited',
    `You have used all ${limit} analyses for today. The quota resets at midnight India time.`,
    undefined,
    retryAfter,
  );
}

// Counted from jobs, not analyses, so deleting an analysis does not give its quota back.
async function usedToday(tx: Tx, userId: UserId, now: Date): Promise<number> {
  return countJobsInUserTx(tx, { ownerId: userId, kind: ANALYSIS_JOB_KIND, since: istDayWindow(now).start });
}

async function preprocessAll(images: readonly Uint8Array[]): Promise<PreprocessedImage[]> {
  checkUploads(images);
  const out: PreprocessedImage[] = [];
  // One at a time: five decoded 40 MP images at once would hold about a gigabyte of pixels.
  for (const [index, image] of images.entries()) {
    try {
      out.push(await preprocessImage(image));
    } catch (error) {
      throw error instanceof ImageRejectedError ? error.withIndex(index) : error;
    }
  }
  const seen = new Map<string, number>();
  for (const [index, image] of out.entries()) {
    const first = seen.get(image.sha256);
    if (first !== undefined) {
      throw new ImageRejectedError('duplicate_image', `Image ${index + 1} is the same picture as image ${first + 1}; remove one of them.`, { index });
    }
    seen.set(image.sha256, index);
  }
  return out;
}

/**
 * Checks and preprocesses every image before anything is stored, then writes the analysis, its
 * images and its job in one transaction, under the per-user daily quota.
 */
export async function createAnalysis(input: CreateAnalysisInput): Promise<CreatedAnalysis> {
  const config = analysisConfig();
  if (!config.configured) throw notConfiguredError();
  const now = new Date();
  // Cheap early refusal; the count is taken again under the lock below.
  if ((await withUserTx(input.userId, (tx) => usedToday(tx, input.userId, now))) >= config.dailyQuota) {
    throw quotaError(config.dailyQuota, now);
  }

  let images: PreprocessedImage[];
  try {
    images = await preprocessAll(input.images);
  } catch (error) {
    throw error instanceof ImageRejectedError ? imageRejection(error) : error;
  }

  const created = await withUserTx(
    input.userId,
    async (tx) => {
      // Serialises one user's concurrent uploads so two cannot both take the last unit of quota.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`analysis-quota:${input.userId}`}))`;
      if ((await usedToday(tx, input.userId, now)) >= config.dailyQuota) throw quotaError(config.dailyQuota, now);
      const analysis = await tx.analysis.create({
        data: {
          userId: input.userId,
          kind: input.kind === 'chart' ? 'CHART' : 'BROKER',
          question: input.question ?? null,
          useHistory: input.useHistory,
          model: config.model,
        },
        select: { id: true },
      });
      await postgresImageStore.put(tx, {
        userId: input.userId,
        analysisId: analysis.id,
        images: images.map((image, position) => ({
          position,
          mediaType: image.mediaType,
          width: image.width,
          height: image.height,
          byteSize: image.bytes,
          sha256: image.sha256,
          data: image.data,
        })),
      });
      const earlier = await tx.analysisImage.findMany({
        where: { userId: input.userId, sha256: { in: images.map((i) => i.sha256) }, analysisId: { not: analysis.id } },
        orderBy: { createdAt: 'desc' },
        select: { sha256: true, analysisId: true },
      });
      await enqueueJobInUserTx(tx, {
        kind: ANALYSIS_JOB_KIND,
        ownerId: input.userId,
        payload: { analysisId: analysis.id },
        maxAttempts: ANALYSIS_JOB_MAX_ATTEMPTS,
      });
      const row = await tx.analysis.findFirstOrThrow({ where: { id: analysis.id, userId: input.userId }, select: ANALYSIS_SELECT });
      const seenBefore = images.flatMap((image, position) => {
        const match = earlier.find((e) => e.sha256 === image.sha256);
        return match ? [{ position, analysis_id: match.analysisId }] : [];
      });
      return { ...toAnalysisView(row), seen_before: seenBefore };
    },
    { timeoutMs: 30_000 },
  );
  pokeJobWorker();
  return created;
}
