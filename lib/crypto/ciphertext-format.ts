import { DecryptionError } from './errors';

/**
 * Compact, ASCII-only, URL- and column-safe envelope:
 *
 *   v1.<keyId>.<base64url 12-byte IV>.<base64url ciphertext || 16-byte GCM tag>
 *
 * Key ids exclude "." so the four parts split unambiguously.
 */
export const CIPHERTEXT_VERSION = 'v1';
export const IV_BYTES = 12;
export const TAG_BYTES = 16;
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

const BASE64URL_PATTERN = /^[A-Za-z0-9_-]*$/;

export type ParsedCiphertext = {
  version: typeof CIPHERTEXT_VERSION;
  keyId: string;
  iv: Buffer;
  sealed: Buffer;
};

export function formatCiphertext(parts: { keyId: string; iv: Buffer; sealed: Buffer }): string {
  return [
    CIPHERTEXT_VERSION,
    parts.keyId,
    parts.iv.toString('base64url'),
    parts.sealed.toString('base64url'),
  ].join('.');
}

/** The header is bound into the GCM associated data so a rewritten version or key id cannot verify. */
export function headerFor(keyId: string): string {
  return `${CIPHERTEXT_VERSION}.${keyId}`;
}

function decodeBase64url(text: string): Buffer {
  if (!BASE64URL_PATTERN.test(text)) throw new DecryptionError('malformed');
  const bytes = Buffer.from(text, 'base64url');
  // Buffer.from silently drops trailing bits; re-encoding catches non-canonical input.
  if (bytes.toString('base64url') !== text) throw new DecryptionError('malformed');
  return bytes;
}

export function parseCiphertext(ciphertext: string): ParsedCiphertext {
  const parts = ciphertext.split('.');
  if (parts.length !== 4) throw new DecryptionError('malformed');
  const [version, keyId, ivText, sealedText] = parts;
  if (version === undefined || keyId === undefined || ivText === undefined || sealedText === undefined) {
    throw new DecryptionError('malformed');
  }
  if (!/^v\d+$/.test(version)) throw new DecryptionError('malformed');
  if (version !== CIPHERTEXT_VERSION) throw new DecryptionError('unsupported-version');
  if (!KEY_ID_PATTERN.test(keyId)) throw new DecryptionError('malformed');
  const iv = decodeBase64url(ivText);
  const sealed = decodeBase64url(sealedText);
  if (iv.length !== IV_BYTES || sealed.length < TAG_BYTES) throw new DecryptionError('malformed');
  return { version: CIPHERTEXT_VERSION, keyId, iv, sealed };
}
