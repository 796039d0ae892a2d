import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { encryptSecret } from './aead';
import { DecryptionError, KeyringError } from './errors';
import { generateKey, Keyring, keyringFromEnv, needsReencryption, parseKeyring } from './keyring';

const keyA = Buffer.alloc(32, 1).toString('base64');
const keyB = Buffer.alloc(32, 2).toString('base64');

function messageOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof KeyringError) return error.message;
    throw error;
  }
  throw new Error('expected a KeyringError');
}

describe('parseKeyring', () => {
  it('makes the first key primary and keeps all keys for decryption', () => {
    const keyring = parseKeyring(`new:${keyB}, old:${keyA}`);
    expect(keyring.primaryKeyId).toBe('new');
    expect(keyring.keyIds).toEqual(['new', 'old']);
    expect(keyring.primaryKey.equals(Buffer.alloc(32, 2))).toBe(true);
    expect(keyring.keyFor('old')?.equals(Buffer.alloc(32, 1))).toBe(true);
    expect(keyring.keyFor('missing')).toBeUndefined();
  });

  it('accepts base64url keys', () => {
    const urlKey = Buffer.alloc(32, 0xfb).toString('base64url');
    expect(parseKeyring(`k1:${urlKey}`).primaryKey.equals(Buffer.alloc(32, 0xfb))).toBe(true);
  });

  it('names the variable when unset or empty', () => {
    expect(messageOf(() => parseKeyring(undefined))).toMatch(/^ENCRYPTION_KEYS is invalid: not set/);
    expect(messageOf(() => parseKeyring('   '))).toMatch(/^ENCRYPTION_KEYS is invalid: empty/);
    expect(messageOf(() => keyringFromEnv({}))).toMatch(/^ENCRYPTION_KEYS/);
  });

  it('rejects keys of the wrong length without echoing them', () => {
    const shortKey = Buffer.alloc(16, 7).toString('base64');
    const message = messageOf(() => parseKeyring(`good:${keyA},short:${shortKey}`));
    expect(message).toContain('entry 2');
    expect(message).toContain('"short" must be 32 bytes, got 16');
    expect(message).not.toContain(shortKey);
    expect(message).not.toContain(keyA);
  });

  it('rejects malformed entries, bad key ids and duplicates without echoing material', () => {
    const bad = 'not-base64-%%%%';
    const message = messageOf(() => parseKeyring(`k1:${bad}`));
    expect(message).toContain('entry 1 (key id "k1"): key is not valid base64');
    expect(message).not.toContain(bad);
    expect(messageOf(() => parseKeyring(keyA))).toContain('entry 1 must look like keyId:base64key');
    expect(messageOf(() => parseKeyring(`bad.id:${keyA}`))).toContain('key id must be');
    expect(messageOf(() => parseKeyring(`k1:${keyA},k1:${keyB}`))).toContain('"k1" appears more than once');
  });

  it('uses the given variable name in errors', () => {
    expect(messageOf(() => parseKeyring('', 'OTHER_KEYS'))).toMatch(/^OTHER_KEYS is invalid/);
  });
});

describe('Keyring', () => {
  it('never exposes key bytes through JSON or inspection', () => {
    const keyring = parseKeyring(`k1:${keyA}`);
    expect(JSON.stringify(keyring)).toBe('{"primaryKeyId":"k1","keyIds":["k1"]}');
    expect(inspect(keyring)).not.toContain(keyA);
    expect(inspect(keyring)).toContain("primaryKeyId: 'k1'");
  });

  it('rejects an empty key list and wrong-length keys', () => {
    expect(() => new Keyring([])).toThrow(KeyringError);
    expect(() => new Keyring([{ id: 'k', key: Buffer.alloc(31) }])).toThrow(/must be 32 bytes, got 31/);
  });
});

describe('generateKey', () => {
  it('produces distinct 32-byte base64 keys that parse', () => {
    const first = generateKey();
    const second = generateKey();
    expect(first).not.toBe(second);
    expect(Buffer.from(first, 'base64')).toHaveLength(32);
    expect(parseKeyring(`fresh:${first}`).primaryKeyId).toBe('fresh');
  });
});

describe('needsReencryption', () => {
  const oldRing = parseKeyring(`old:${keyA}`);
  const rotated = parseKeyring(`new:${keyB},old:${keyA}`);

  it('is true only for ciphertexts not sealed with the primary key', () => {
    const underOld = encryptSecret({ plaintext: 's', aad: 'ctx', keyring: oldRing });
    const underNew = encryptSecret({ plaintext: 's', aad: 'ctx', keyring: rotated });
    expect(needsReencryption(underOld, rotated)).toBe(true);
    expect(needsReencryption(underNew, rotated)).toBe(false);
    expect(needsReencryption(underOld, oldRing)).toBe(false);
  });

  it('throws DecryptionError for input that is not a ciphertext', () => {
    expect(() => needsReencryption('plain text secret', rotated)).toThrow(DecryptionError);
  });
});
