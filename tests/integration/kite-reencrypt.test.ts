import { afterAll, describe, expect, it } from 'vitest';
import { decryptSecret } from '@/lib/crypto/aead';
import { appKeyring, resetAppKeyring } from '@/lib/crypto/app-keyring';
import { parseKeyring } from '@/lib/crypto/keyring';
import { db } from '@/lib/db/client';
import { resetEnvCache } from '@/lib/env';
import { apiSecretAad, accessTokenAad, revealKiteApp, saveKiteApp, storeKiteSession } from '@/lib/kite/credentials';
import { reencryptKiteSecrets } from '@/lib/kite/reencrypt-secrets';
import { createTestUser } from '@/tests/support/users';

const OLD = `old:${Buffer.alloc(32, 7).toString('base64')}`;
const NEW = `new:${Buffer.alloc(32, 9).toString('base64')}`;

function useKeys(value: string | undefined) {
  if (value === undefined) delete process.env.ENCRYPTION_KEYS;
  else process.env.ENCRYPTION_KEYS = value;
  resetEnvCache();
  resetAppKeyring();
}

afterAll(() => useKeys(undefined));

describe('secrets re-encryption', () => {
  it('moves every secret to the new key, idempotently, and leaves undecryptable rows alone', async () => {
    useKeys(OLD);
    const user = await createTestUser('reencrypt');
    await saveKiteApp({ userId: user.id, apiKey: 'reencryptkey01', apiSecret: 'reencryptsecret000000000000001' });
    const app = await revealKiteApp({ userId: user.id });
    if (!app) throw new Error('no app');
    await storeKiteSession({ userId: user.id, appId: app.appId, accessToken: 'accesstoken123', zerodhaUserId: 'AB1234', zerodhaUserName: 'A', expiresAt: new Date(Date.now() + 3600_000) });

    useKeys(`${NEW},${OLD}`);
    const first = await reencryptKiteSecrets({ keyring: appKeyring() });
    expect(first.apps).toBeGreaterThanOrEqual(1);
    expect(first.sessions).toBeGreaterThanOrEqual(1);
    expect(await reencryptKiteSecrets({ keyring: appKeyring() })).toMatchObject({ apps: 0, sessions: 0 });

    const newOnly = parseKeyring(NEW);
    const row = await db().kiteApp.findUnique({ where: { userId: user.id }, omit: { apiSecretCipher: false } });
    const session = await db().kiteSession.findUnique({ where: { userId: user.id }, omit: { accessTokenCipher: false } });
    expect(row?.apiSecretCipher.startsWith('v1.new.')).toBe(true);
    expect(decryptSecret({ ciphertext: row?.apiSecretCipher ?? '', aad: apiSecretAad(user.id, app.appId), keyring: newOnly })).toBe('reencryptsecret000000000000001');
    expect(decryptSecret({ ciphertext: session?.accessTokenCipher ?? '', aad: accessTokenAad(user.id, app.appId), keyring: newOnly })).toBe('accesstoken123');

    // A ciphertext copied onto another user's row fails to decrypt and is counted, not "fixed".
    const other = await createTestUser('reencrypt-other');
    useKeys(OLD);
    await saveKiteApp({ userId: other.id, apiKey: 'reencryptkey02', apiSecret: 'reencryptsecret000000000000002' });
    const otherRow = await db().kiteApp.findUnique({ where: { userId: other.id }, select: { id: true } });
    const stolen = await db().kiteApp.findUnique({ where: { userId: user.id }, omit: { apiSecretCipher: false } });
    useKeys(`${NEW},${OLD}`);
    await db().kiteApp.update({ where: { id: otherRow?.id ?? '' }, data: { apiSecretCipher: (stolen?.apiSecretCipher ?? '').replace('v1.new.', 'v1.old.') } });
    const report = await reencryptKiteSecrets({ keyring: appKeyring() });
    expect(report.failed).toBeGreaterThanOrEqual(1);
    await expect(revealKiteApp({ userId: other.id })).rejects.toThrow(/Decryption failed/);

    // A row that is not even a ciphertext (corrupted by hand) is counted too, and does not stop the walk.
    await db().kiteApp.update({ where: { id: otherRow?.id ?? '' }, data: { apiSecretCipher: 'v1.old.not base64!' } });
    const afterCorruption = await reencryptKiteSecrets({ keyring: appKeyring() });
    expect(afterCorruption.failed).toBeGreaterThanOrEqual(1);
  });
});
