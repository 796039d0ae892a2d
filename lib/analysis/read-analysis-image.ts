import 'server-only';
import type { UserId } from '@/lib/auth/user-id';
import { withUserTx } from '@/lib/db/rls';
import { notFound } from '@/lib/errors';
import { isAnalysisId } from './get-analysis';
import { postgresImageStore } from './store/image-store';

/** The stored (preprocessed) image bytes, for their owner only. */
export async function readAnalysisImage({ userId, analysisId, position }: { userId: UserId; analysisId: string; position: string }) {
  const index = /^[0-9]{1,2}$/.test(position) ? Number(position) : Number.NaN;
  if (!isAnalysisId(analysisId) || !Number.isInteger(index)) throw notFound('Image');
  const image = await withUserTx(userId, (tx) => postgresImageStore.read(tx, { userId, analysisId, position: index }));
  if (!image) throw notFound('Image');
  return image;
}
