import 'server-only';
import { isEmbeddedDatabase } from '@/lib/config/data-dir';
import { localSecret } from '@/lib/config/local-secret';
import { getEnv } from '@/lib/env';
import { KeyringError } from './errors';
import { type Keyring, parseKeyring } from './keyring';

let cached: Keyring | undefined;

/**
 * The keyring that seals Kite secrets: ENCRYPTION_KEYS when set; otherwise, on the embedded database
 * or outside production, a key generated once into the data folder (mode 0600). A production server
 * on Postgres without keys refuses to start rather than storing secrets under a throwaway key.
 */
export function appKeyring(): Keyring {
  if (cached) return cached;
  const env = getEnv();
  if (env.ENCRYPTION_KEYS) {
    cached = parseKeyring(env.ENCRYPTION_KEYS);
  } else if (isEmbeddedDatabase() || env.NODE_ENV !== 'production') {
    cached = parseKeyring(`local:${localSecret('encryption-key')}`);
  } else {
    throw new KeyringError(
      'ENCRYPTION_KEYS is not set. Production on Postgres needs it to encrypt Kite credentials: set ENCRYPTION_KEYS=k1:<base64 of 32 random bytes> (e.g. `openssl rand -base64 32`).',
    );
  }
  return cached;
}

/** For prepareRuntime: fail at start-up, naming the variable, instead of at the first Kite link. */
export function assertEncryptionConfigured(): void {
  appKeyring();
}

/** For tests that change ENCRYPTION_KEYS between cases. */
export function resetAppKeyring(): void {
  cached = undefined;
}
