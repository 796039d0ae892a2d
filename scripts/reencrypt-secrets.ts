// Re-encrypts every stored Kite api_secret and access token with the first key of ENCRYPTION_KEYS.
//   ENCRYPTION_KEYS=new:<base64>,old:<base64> npm run secrets:reencrypt
// Rotation: prepend a new key, restart the app (it now encrypts with the new key and still decrypts
// with the old), run this, then drop the old key. Safe to re-run or interrupt.
import { appKeyring } from '@/lib/crypto/app-keyring';
import { disconnectDb } from '@/lib/db/client';
import { reencryptKiteSecrets } from '@/lib/kite/reencrypt-secrets';

try {
  const keyring = appKeyring();
  console.log(`Re-encrypting with key "${keyring.primaryKeyId}" (keyring: ${keyring.keyIds.join(', ')})`);
  const report = await reencryptKiteSecrets({
    keyring,
    onProgress: (r) => process.stdout.write(`\r  apps ${r.apps}, sessions ${r.sessions}, failed ${r.failed}`),
  });
  console.log(`\nDone: ${report.apps} app secrets and ${report.sessions} access tokens re-encrypted, ${report.failed} could not be decrypted.`);
  if (report.failed > 0) {
    console.error('Rows that failed were left untouched: their key is missing from ENCRYPTION_KEYS or the ciphertext is damaged.');
    process.exitCode = 1;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
