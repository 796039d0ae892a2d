import 'server-only';
import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { z } from 'zod';
import { KEY_ID_PATTERN, parseCiphertext } from './ciphertext-format';
import { KeyringError } from './errors';

export const KEY_BYTES = 32;
export const ENCRYPTION_KEYS_VARIABLE = 'ENCRYPTION_KEYS';

export type KeyEntry = { id: string; key: Buffer };

/**
 * Holds AES-256 keys by id. The first key encrypts; every key decrypts, which is what makes
 * rotation possible (prepend a new key, re-encrypt, then drop the old one).
 * Key bytes live in a private field so logging or serialising a keyring shows ids only.
 */
export class Keyring {
  readonly primaryKeyId: string;
  readonly keyIds: readonly string[];
  readonly #keys: ReadonlyMap<string, Buffer>;

  constructor(entries: readonly KeyEntry[]) {
    const first = entries[0];
    if (first === undefined) throw new KeyringError('A keyring needs at least one key');
    const keys = new Map<string, Buffer>();
    for (const [index, entry] of entries.entries()) {
      const problem = entryProblem(entry.id, entry.key.length, keys);
      if (problem) throw new KeyringError(`Key ${index + 1}: ${problem}`);
      keys.set(entry.id, Buffer.from(entry.key));
    }
    this.primaryKeyId = first.id;
    this.keyIds = [...keys.keys()];
    this.#keys = keys;
  }

  /** The key that encrypts new data. */
  get primaryKey(): Buffer {
    const key = this.#keys.get(this.primaryKeyId);
    if (key === undefined) throw new KeyringError('Primary key missing from keyring');
    return key;
  }

  keyFor(keyId: string): Buffer | undefined {
    return this.#keys.get(keyId);
  }

  toJSON(): { primaryKeyId: string; keyIds: readonly string[] } {
    return { primaryKeyId: this.primaryKeyId, keyIds: this.keyIds };
  }

  [inspect.custom](): string {
    return `Keyring { primaryKeyId: '${this.primaryKeyId}', keyIds: [${this.keyIds.map((id) => `'${id}'`).join(', ')}] }`;
  }
}

function entryProblem(id: string, byteLength: number, seen: ReadonlyMap<string, Buffer>): string | undefined {
  if (!KEY_ID_PATTERN.test(id)) return 'key id must be 1-32 characters of A-Z, a-z, 0-9, "_" or "-"';
  if (seen.has(id)) return `key id "${id}" appears more than once`;
  if (byteLength !== KEY_BYTES) return `key id "${id}" must be ${KEY_BYTES} bytes, got ${byteLength}`;
  return undefined;
}

const BASE64_PATTERN = /^[A-Za-z0-9+/_-]+={0,2}$/;

// Messages deliberately describe shape and length only: the raw value is a secret.
const EncryptionKeysSchema = z
  .string({ error: 'not set (expected keyId:base64key[,keyId2:base64key2...])' })
  .trim()
  .min(1, 'empty (expected keyId:base64key[,keyId2:base64key2...])')
  .transform((value, ctx) => {
    const entries: KeyEntry[] = [];
    const seen = new Map<string, Buffer>();
    for (const [index, rawEntry] of value.split(',').entries()) {
      const label = `entry ${index + 1}`;
      const entry = rawEntry.trim();
      const separator = entry.indexOf(':');
      if (separator <= 0) {
        ctx.addIssue({ code: 'custom', message: `${label} must look like keyId:base64key` });
        continue;
      }
      const id = entry.slice(0, separator);
      const encoded = entry.slice(separator + 1);
      if (!BASE64_PATTERN.test(encoded)) {
        const idHint = KEY_ID_PATTERN.test(id) ? ` (key id "${id}")` : '';
        ctx.addIssue({ code: 'custom', message: `${label}${idHint}: key is not valid base64` });
        continue;
      }
      const key = Buffer.from(encoded, 'base64');
      const problem = entryProblem(id, key.length, seen);
      if (problem) {
        ctx.addIssue({ code: 'custom', message: `${label}: ${problem}` });
        continue;
      }
      seen.set(id, key);
      entries.push({ id, key });
    }
    return entries;
  });

/**
 * Parses `keyId:base64key[,keyId2:base64key2...]` (32-byte keys; first encrypts, all decrypt).
 * Errors name the variable and the offending entry, never the key material.
 */
export function parseKeyring(raw: string | undefined, variable: string = ENCRYPTION_KEYS_VARIABLE): Keyring {
  const parsed = EncryptionKeysSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => issue.message).join('; ');
    throw new KeyringError(`${variable} is invalid: ${problems}`);
  }
  return new Keyring(parsed.data);
}

export function keyringFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): Keyring {
  return parseKeyring(env[ENCRYPTION_KEYS_VARIABLE], ENCRYPTION_KEYS_VARIABLE);
}

/** A fresh random key, base64-encoded, ready to go after `keyId:` in ENCRYPTION_KEYS. */
export function generateKey(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}

/**
 * True when the ciphertext was not sealed with the keyring's primary key (including keys the
 * keyring no longer holds). Throws DecryptionError for input that is not a ciphertext at all.
 */
export function needsReencryption(ciphertext: string, keyring: Keyring): boolean {
  return parseCiphertext(ciphertext).keyId !== keyring.primaryKeyId;
}
