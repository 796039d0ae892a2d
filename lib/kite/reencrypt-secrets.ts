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
  let cursor: string | undefined;
  for (;;) {
    const apps: { id: string; userId: string; apiSecretCipher: string }[] = await db().kiteApp.findMany({
      where: cursor ? { id: { gt: cursor } } : {},
      orderBy: { id: 'asc' },
      take: BATCH,
      select: { id: true, userId: true, apiSecretCipher: true },
    });
    for (const app of apps) {
      if (!needsReencryption(app.apiSecretCipher, keyring)) continue;
      const aad = apiSecretAad(app.userId, app.id);
      try {
        const apiSecretCipher = encryptSecret({ plaintext: decryptSecret({ ciphertext: app.apiSecretCipher, aad, keyring }), aad, keyring });
        const { count } = await db().kiteApp.updateMany({ where: { id: app.id, apiSecretCipher: app.apiSecretCipher }, data: { apiSecretCipher } });
        report.apps += count;
      } catch {
        report.failed++;
      }
    }
    cursor = apps.at(-1)?.id;
    onProgress?.(report);
    if (apps.length < BATCH) break;
  }
  cursor = undefined;
  for (;;) {
    const sessions: { id: string; userId: string; appId: string; accessTokenCipher: string }[] = await db().kiteSession.findMany({
      where: cursor ? { id: { gt: cursor } } : {},
      orderBy: { id: 'asc' },
      take: BATCH,
      select: { id: true, userId: true, appId: true, accessTokenCipher: true },
    });
    for (const session of sessions) {
      if (!needsReencryption(session.accessTokenCipher, keyring)) continue;
      const aad = accessTokenAad(session.userId, session.appId);
      try {
        const accessTokenCipher = encryptSecret({ plaintext: decryptSecret({ ciphertext: session.accessTokenCipher, aad, keyring }), aad, keyring });
        const { count } = await db().kiteSession.updateMany({ where: { id: session.id, accessTokenCipher: session.accessTokenCipher }, data: { accessTokenCipher } });
        report.sessions += count;
      } catch {
        report.failed++;
      }
    }
    cursor = sessions.at(-1)?.id;
    onProgress?.(report);
    if (sessions.length < BATCH) break;
  }
  return report;
}
