import 'server-only';
import { forgetWithoutKite } from './session-absence';
import { randomUUID } from 'node:crypto';
import type { UserId } from '@/lib/auth/user-id';
import { buildAad } from '@/lib/crypto/aad';
import { decryptSecret, encryptSecret } from '@/lib/crypto/aead';
import { appKeyring } from '@/lib/crypto/app-keyring';
import { withUserTx } from '@/lib/db/rls';

// Associated data ties each ciphertext to its owner, row and purpose: copied anywhere else it fails.
export const apiSecretAad = (userId: string, appId: string) => buildAad(['kite-app', userId, appId, 'api_secret']);
export const accessTokenAad = (userId: string, appId: string) => buildAad(['kite-session', userId, appId, 'access_token']);

/** Saves (or replaces) the user's Kite app. A new app invalidates any session of the old one. */
export async function saveKiteApp({ userId, apiKey, apiSecret }: { userId: UserId; apiKey: string; apiSecret: string }): Promise<void> {
  await withUserTx(userId, async (tx) => {
    const existing = await tx.kiteApp.findUnique({ where: { userId }, select: { id: true, apiKey: true } });
    const id = existing?.id ?? randomUUID();
    const apiSecretCipher = encryptSecret({ plaintext: apiSecret, aad: apiSecretAad(userId, id), keyring: appKeyring() });
    await tx.kiteApp.upsert({
      where: { userId },
      create: { id, userId, apiKey, apiSecretCipher },
      update: { apiKey, apiSecretCipher },
    });
    await tx.kiteSession.deleteMany({ where: { userId } });
  });
}

export async function deleteKiteApp({ userId }: { userId: UserId }): Promise<{ deleted: boolean }> {
  const { count } = await withUserTx(userId, (tx) => tx.kiteApp.deleteMany({ where: { userId } }));
  return { deleted: count > 0 };
}

export type RevealedKiteApp = { appId: string; apiKey: string; apiSecret: string };

/** The app with its secret decrypted. Only lib/kite calls this, right before talking to Kite. */
export async function revealKiteApp({ userId }: { userId: UserId }): Promise<RevealedKiteApp | null> {
  const app = await withUserTx(userId, (tx) => tx.kiteApp.findUnique({ where: { userId }, omit: { apiSecretCipher: false } }));
  if (!app) return null;
  const apiSecret = decryptSecret({ ciphertext: app.apiSecretCipher, aad: apiSecretAad(userId, app.id), keyring: appKeyring() });
  return { appId: app.id, apiKey: app.apiKey, apiSecret };
}

export type RevealedKiteSession = { apiKey: string; accessToken: string; expiresAt: Date; zerodhaUserId: string };

/** The live session with its token decrypted, or null when there is none or it has expired. */
export async function revealKiteSession({ userId, now = new Date() }: { userId: UserId; now?: Date }): Promise<RevealedKiteSession | null> {
  const session = await withUserTx(userId, (tx) =>
    tx.kiteSession.findUnique({ where: { userId }, omit: { accessTokenCipher: false }, include: { app: { select: { apiKey: true } } } }),
  );
  if (!session || session.expiresAt <= now) return null;
  const accessToken = decryptSecret({ ciphertext: session.accessTokenCipher, aad: accessTokenAad(userId, session.appId), keyring: appKeyring() });
  return { apiKey: session.app.apiKey, accessToken, expiresAt: session.expiresAt, zerodhaUserId: session.zerodhaUserId };
}

export async function storeKiteSession({
  userId,
  appId,
  accessToken,
  zerodhaUserId,
  zerodhaUserName,
  expiresAt,
}: {
  userId: UserId;
  appId: string;
  accessToken: string;
  zerodhaUserId: string;
  zerodhaUserName: string;
  expiresAt: Date;
}): Promise<void> {
  const accessTokenCipher = encryptSecret({ plaintext: accessToken, aad: accessTokenAad(userId, appId), keyring: appKeyring() });
  const data = { appId, accessTokenCipher, zerodhaUserId, zerodhaUserName, expiresAt, createdAt: new Date() };
  await withUserTx(userId, (tx) => tx.kiteSession.upsert({ where: { userId }, create: { userId, ...data }, update: data }));
  forgetWithoutKite(userId);
}

export async function deleteKiteSession({ userId }: { userId: UserId }): Promise<void> {
  await withUserTx(userId, (tx) => tx.kiteSession.deleteMany({ where: { userId } }));
}

/** Kite said TokenException: keep the row (who was connected) but mark it expired now. */
export async function expireKiteSession({ userId, now = new Date() }: { userId: UserId; now?: Date }): Promise<void> {
  await withUserTx(userId, (tx) => tx.kiteSession.updateMany({ where: { userId, expiresAt: { gt: now } }, data: { expiresAt: now } }));
}

export async function markKiteSynced({ userId, at }: { userId: UserId; at: Date }): Promise<void> {
  await withUserTx(userId, (tx) => tx.kiteSession.updateMany({ where: { userId }, data: { lastSyncAt: at } }));
}
