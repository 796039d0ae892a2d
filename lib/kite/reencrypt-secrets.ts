import 'server-only';
import { decryptSecret, encryptSecret } from '@/lib/crypto/aead';
import type { Keyring } from '@/lib/crypto/keyring';
import { needsReencryption } from '@/lib/crypto/keyring';
import { db } from '@/lib/db/client';
import { accessTokenAad, apiSecretAad } from './credentials';

export type ReencryptReport = { apps: number; sessions: number; failed: number };

const BATCH = 200;

/**
 * Re-seals every stored Kite secret with the keyring's primary key. Rows already on the primary key
 * are skipped, and each update only applies if the row still holds the ciphertext that was read, so
 * the run is idempotent, resumable after an interruption and safe next to a live server.
 * Operator maintenance across all users, so it runs as the owning role, not under withUserTx.
 */
export async function reencryptKiteSecrets({ keyring, onProgress }: { keyring: Keyring; onProgress?: (report: ReencryptReport) => void }): Promise<ReencryptReport> {
  const report: ReencryptReport = { apps: 0, sessions: 0, failed: 0 };
  const progress = () => onProgress?.(report);
  await reencryptRows({
    keyring,
    progress,
    page: (cursor) =>
      db().kiteApp.findMany({ where: cursor ? { id: { gt: cursor } } : {}, orderBy: { id: 'asc' }, take: BATCH, select: { id: true, userId: true, apiSecretCipher: true } }),
    sealed: (app) => ({ ciphertext: app.apiSecretCipher, aad: apiSecretAad(app.userId, app.id) }),
    replace: async (app, apiSecretCipher) =>
      (await db().kiteApp.updateMany({ where: { id: app.id, apiSecretCipher: app.apiSecretCipher }, data: { apiSecretCipher } })).count,
    onChanged: (count) => (report.apps += count),
    onFailure: () => report.failed++,
  });
  await reencryptRows({
    keyring,
    progress,
    page: (cursor) =>
      db().kiteSession.findMany({ where: cursor ? { id: { gt: cursor } } : {}, orderBy: { id: 'asc' }, take: BATCH, select: { id: true, userId: true, appId: true, accessTokenCipher: true } }),
    sealed: (session) => ({ ciphertext: session.accessTokenCipher, aad: accessTokenAad(session.userId, session.appId) }),
    replace: async (session, accessTokenCipher) =>
      (await db().kiteSession.updateMany({ where: { id: session.id, accessTokenCipher: session.accessTokenCipher }, data: { accessTokenCipher } })).count,
    onChanged: (count) => (report.sessions += count),
    onFailure: () => report.failed++,
  });
  return report;
}

/** Walks one table in id order and re-seals every ciphertext not on the primary key. */
async function reencryptRows<Row extends { id: string }>(args: {
  keyring: Keyring;
  page: (cursor: string | undefined) => Promise<Row[]>;
  sealed: (row: Row) => { ciphertext: string; aad: string };
  replace: (row: Row, ciphertext: string) => Promise<number>;
  onChanged: (count: number) => void;
  onFailure: () => void;
  progress: () => void;
}): Promise<void> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await args.page(cursor);
    for (const row of rows) {
      const { ciphertext, aad } = args.sealed(row);
      try {
        // A malformed row is counted as a failure like an undecryptable one; it must not stop the walk.
        if (!needsReencryption(ciphertext, args.keyring)) continue;
        const plaintext = decryptSecret({ ciphertext, aad, keyring: args.keyring });
        args.onChanged(await args.replace(row, encryptSecret({ plaintext, aad, keyring: args.keyring })));
      } catch {
        args.onFailure();
      }
    }
    cursor = rows.at(-1)?.id;
    args.progress();
    if (rows.length < BATCH) return;
  }
}
