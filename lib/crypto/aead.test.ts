import { describe, expect, it } from 'vitest';
import { buildAad } from './aad';
import { decryptSecret, DecryptionError, encryptSecret } from './aead';
import type { DecryptionFailure } from './errors';
import { parseKeyring } from './keyring';

const keyA = Buffer.alloc(32, 0xa1).toString('base64');
const keyB = Buffer.alloc(32, 0xb2).toString('base64');
const keyring = parseKeyring(`a:${keyA}`);
const aad = buildAad(['kite-app', 'user_1', 'app_1', 'api_secret']);
const secret = 'kite-api-secret-ünïcødé-₹';

function failureOf(action: () => unknown): DecryptionError {
  try {
    action();
  } catch (error) {
    if (error instanceof DecryptionError) return error;
    throw error;
  }
  throw new Error('expected a DecryptionError');
}

function expectFailure(action: () => unknown, reason: DecryptionFailure): void {
  const error = failureOf(action);
  expect(error.reason).toBe(reason);
  expect(error.message).not.toContain(secret);
  expect(error.message).not.toContain(keyA);
  expect(error.message).not.toContain(aad);
}

/** Flips one bit of the decoded bytes of one dot-separated part. */
function flipBit(ciphertext: string, partIndex: number, byteIndex: number): string {
  const parts = ciphertext.split('.');
  const part = parts[partIndex];
  if (part === undefined) throw new Error('no such part');
  const bytes = Buffer.from(part, 'base64url');
  const at = byteIndex < 0 ? bytes.length + byteIndex : byteIndex;
  bytes.writeUInt8((bytes.readUInt8(at) ^ 0x01) & 0xff, at);
  parts[partIndex] = bytes.toString('base64url');
  return parts.join('.');
}

describe('encryptSecret / decryptSecret', () => {
  it('round-trips, including empty and long plaintexts', () => {
    for (const plaintext of [secret, '', 'x'.repeat(10_000)]) {
      const ciphertext = encryptSecret({ plaintext, aad, keyring });
      expect(decryptSecret({ ciphertext, aad, keyring })).toBe(plaintext);
    }
  });

  it('produces the documented v1.<keyId>.<iv>.<data> shape with a fresh IV each time', () => {
    const first = encryptSecret({ plaintext: secret, aad, keyring });
    const second = encryptSecret({ plaintext: secret, aad, keyring });
    expect(first).toMatch(/^v1\.a\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(first).not.toBe(second);
    expect(first.split('.')[2]).not.toBe(second.split('.')[2]);
    expect(first).not.toContain(Buffer.from(secret).toString('base64url'));
    // ciphertext || 16-byte tag: length of the data part is plaintext bytes + 16
    const dataPart = first.split('.')[3] ?? '';
    expect(Buffer.from(dataPart, 'base64url')).toHaveLength(Buffer.byteLength(secret) + 16);
  });

  it('rejects tampered ciphertext, IV and tag', () => {
    const ciphertext = encryptSecret({ plaintext: secret, aad, keyring });
    expectFailure(() => decryptSecret({ ciphertext: flipBit(ciphertext, 3, 0), aad, keyring }), 'authentication-failed');
    expectFailure(() => decryptSecret({ ciphertext: flipBit(ciphertext, 2, 5), aad, keyring }), 'authentication-failed');
    expectFailure(() => decryptSecret({ ciphertext: flipBit(ciphertext, 3, -1), aad, keyring }), 'authentication-failed');
  });

  it('rejects a truncated tag instead of accepting a shorter one', () => {
    const ciphertext = encryptSecret({ plaintext: secret, aad, keyring });
    const parts = ciphertext.split('.');
    const data = Buffer.from(parts[3] ?? '', 'base64url');
    parts[3] = data.subarray(0, data.length - 4).toString('base64url');
    expectFailure(() => decryptSecret({ ciphertext: parts.join('.'), aad, keyring }), 'authentication-failed');
  });

  it('fails with the wrong associated data (ciphertext copied to another row or user)', () => {
    const ciphertext = encryptSecret({ plaintext: secret, aad, keyring });
    const otherUser = buildAad(['kite-app', 'user_2', 'app_1', 'api_secret']);
    const otherField = buildAad(['kite-app', 'user_1', 'app_1', 'access_token']);
    expectFailure(() => decryptSecret({ ciphertext, aad: otherUser, keyring }), 'authentication-failed');
    expectFailure(() => decryptSecret({ ciphertext, aad: otherField, keyring }), 'authentication-failed');
  });

  it('fails for an unknown key id and names the id, not the key', () => {
    const ciphertext = encryptSecret({ plaintext: secret, aad, keyring });
    const otherRing = parseKeyring(`b:${keyB}`);
    const error = failureOf(() => decryptSecret({ ciphertext, aad, keyring: otherRing }));
    expect(error.reason).toBe('unknown-key');
    expect(error.message).toContain('"a"');
  });

  it('fails when the key id in the header is rewritten to another known key', () => {
    const ciphertext = encryptSecret({ plaintext: secret, aad, keyring });
    const both = parseKeyring(`a:${keyA},b:${keyB}`);
    const relabelled = ciphertext.replace(/^v1\.a\./, 'v1.b.');
    expectFailure(() => decryptSecret({ ciphertext: relabelled, aad, keyring: both }), 'authentication-failed');
  });

  it('supports rotation: the old key still decrypts, the new key encrypts', () => {
    const before = encryptSecret({ plaintext: secret, aad, keyring });
    const rotated = parseKeyring(`b:${keyB},a:${keyA}`);
    expect(decryptSecret({ ciphertext: before, aad, keyring: rotated })).toBe(secret);
    const after = encryptSecret({ plaintext: secret, aad, keyring: rotated });
    expect(after.startsWith('v1.b.')).toBe(true);
    expect(decryptSecret({ ciphertext: after, aad, keyring: rotated })).toBe(secret);
    expectFailure(() => decryptSecret({ ciphertext: after, aad, keyring }), 'unknown-key');
  });

  it('rejects malformed input and never returns it as plaintext', () => {
    const valid = encryptSecret({ plaintext: secret, aad, keyring });
    const [, , iv, data] = valid.split('.');
    const malformed = [
      '',
      secret,
      'v1.a.only-three',
      `v1.a.${iv}.${data}.extra`,
      `v1..${iv}.${data}`,
      `v1.a.${iv}.${data}!`,
      `v1.a.${iv}.AAAA`,
      `v1.a.AAAA.${data}`,
      `v1.a b.${iv}.${data}`,
      `x1.a.${iv}.${data}`,
    ];
    for (const ciphertext of malformed) {
      expectFailure(() => decryptSecret({ ciphertext, aad, keyring }), 'malformed');
    }
    expectFailure(() => decryptSecret({ ciphertext: `v2.a.${iv}.${data}`, aad, keyring }), 'unsupported-version');
  });

  it('requires associated data', () => {
    expect(() => encryptSecret({ plaintext: secret, aad: '', keyring })).toThrow(TypeError);
    const ciphertext = encryptSecret({ plaintext: secret, aad, keyring });
    expect(() => decryptSecret({ ciphertext, aad: '', keyring })).toThrow(TypeError);
  });
});

describe('buildAad', () => {
  it('joins parts and refuses ambiguous ones', () => {
    expect(buildAad(['kite-app', 'u1', 'app9', 'api_secret'])).toBe('kite-app:u1:app9:api_secret');
    expect(() => buildAad(['kite-app', 'u:1'])).toThrow(TypeError);
    expect(() => buildAad(['kite-app', ''])).toThrow(TypeError);
    expect(() => buildAad([])).toThrow(TypeError);
  });
});
