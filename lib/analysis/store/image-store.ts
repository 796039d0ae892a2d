import 'server-only';
import type { UserId } from '@/lib/auth/user-id';
import type { Tx } from '@/lib/db/rls';

export type StoredImageMeta = { position: number; mediaType: string; width: number; height: number; byteSize: number; sha256: string };
export type NewStoredImage = StoredImageMeta & { data: Buffer };

/**
 * Where analysis images live. Postgres by default; an object store can implement the same three
 * calls later (keyed by user, analysis and position), with the metadata staying in Postgres.
 */
export type ImageStore = {
  put: (tx: Tx, args: { userId: UserId; analysisId: string; images: readonly NewStoredImage[] }) => Promise<void>;
  read: (tx: Tx, args: { userId: UserId; analysisId: string; position: number }) => Promise<(StoredImageMeta & { data: Buffer }) | null>;
  readAll: (tx: Tx, args: { userId: UserId; analysisId: string }) => Promise<(StoredImageMeta & { data: Buffer })[]>;
};

const META = { position: true, mediaType: true, width: true, height: true, byteSize: true, sha256: true } as const;

export const postgresImageStore: ImageStore = {
  async put(tx, { userId, analysisId, images }) {
    await tx.analysisImage.createMany({
      data: images.map((image) => ({ userId, analysisId, ...image, data: new Uint8Array(image.data) })),
    });
  },
  async read(tx, { userId, analysisId, position }) {
    const row = await tx.analysisImage.findFirst({
      where: { userId, analysisId, position },
      select: { ...META, data: true },
    });
    return row ? { ...row, data: Buffer.from(row.data) } : null;
  },
  async readAll(tx, { userId, analysisId }) {
    const rows = await tx.analysisImage.findMany({
      where: { userId, analysisId },
      orderBy: { position: 'asc' },
      select: { ...META, data: true },
    });
    return rows.map((row) => ({ ...row, data: Buffer.from(row.data) }));
  },
};
