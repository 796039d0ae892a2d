import 'server-only';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { formatCiphertext, headerFor, IV_BYTES, parseCiphertext, TAG_BYTES } from './ciphertext-format';
import { DecryptionError } from './errors';
import type { Keyring } from './keyring';

export { DecryptionError, KeyringError } from './errors';
export type { DecryptionFailure } from './errors';

const ALGORITHM = 'aes-256-gcm';

/**
 * GCM associated data = header + NUL + caller's context. The caller's part (e.g.
 * `kite-app:<userId>:<appId>:api_secret`) ties a ciphertext to its row, so a value copied to
 * another row or user fails to decrypt; the header part ties it to its version and key id.
 */
function associatedData(keyId: string, aad: string): Buffer {
  if (aad.length === 0) throw new TypeError('Associated data must be a non-empty string');
  return Buffer.concat([Buffer.from(headerFor(keyId), 'utf8'), Buffer.from([0]), Buffer.from(aad, 'utf8')]);
}

/** AES-256-GCM with a random 96-bit IV and the keyring's primary key. Returns `v1.<keyId>.<iv>.<data>`. */
export function encryptSecret(input: { plaintext: string; aad: string; keyring: Keyring }): string {
  const keyId = input.keyring.primaryKeyId;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, input.keyring.primaryKey, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(keyId, input.aad));
  const body = Buffer.concat([cipher.update(input.plaintext, 'utf8'), cipher.final()]);
  const sealed = Buffer.concat([body, cipher.getAuthTag()]);
  return formatCiphertext({ keyId, iv, sealed });
}

/**
 * Decrypts with whichever keyring key the ciphertext names. Every failure is a DecryptionError;
 * there is deliberately no "return the input as plaintext" fallback.
 */
export function decryptSecret(input: { ciphertext: string; aad: string; keyring: Keyring }): string {
  const parsed = parseCiphertext(input.ciphertext);
  const key = input.keyring.keyFor(parsed.keyId);
  if (key === undefined) throw new DecryptionError('unknown-key', { keyId: parsed.keyId });
  const aad = associatedData(parsed.keyId, input.aad);
  const body = parsed.sealed.subarray(0, parsed.sealed.length - TAG_BYTES);
  const tag = parsed.sealed.subarray(parsed.sealed.length - TAG_BYTES);
  try {
    // authTagLength pins the tag size: without it Node accepts truncated (forgeable) short tags.
    const decipher = createDecipheriv(ALGORITHM, key, parsed.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    const plaintext = Buffer.concat([decipher.update(body), decipher.final()]);
    return plaintext.toString('utf8');
  } catch {
    throw new DecryptionError('authentication-failed', { keyId: parsed.keyId });
  }
}
