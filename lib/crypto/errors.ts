export type DecryptionFailure = 'malformed' | 'unsupported-version' | 'unknown-key' | 'authentication-failed';

const messages: Record<DecryptionFailure, string> = {
  malformed: 'ciphertext is not in the v1.<keyId>.<iv>.<data> format',
  'unsupported-version': 'ciphertext uses an unsupported format version',
  'unknown-key': 'ciphertext was encrypted with a key id that is not in the keyring',
  'authentication-failed': 'ciphertext failed authentication (wrong key, wrong associated data, or tampered)',
};

/**
 * Thrown for every decryption problem. The message names the reason only: never the plaintext,
 * the key, or the associated data, because error messages end up in logs.
 */
export class DecryptionError extends Error {
  override name = 'DecryptionError';
  readonly reason: DecryptionFailure;

  constructor(reason: DecryptionFailure, options?: { keyId?: string }) {
    const keyHint = options?.keyId === undefined ? '' : ` (key id "${options.keyId}")`;
    super(`Decryption failed: ${messages[reason]}${keyHint}`);
    this.reason = reason;
  }
}

/** Thrown when ENCRYPTION_KEYS (or a key passed in code) is unusable. Never contains key material. */
export class KeyringError extends Error {
  override name = 'KeyringError';
}
