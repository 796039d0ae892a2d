import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resetEnvCache } from '@/lib/env';
import { appKeyring, assertEncryptionConfigured, resetAppKeyring } from './app-keyring';
import { KeyringError } from './errors';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
  resetAppKeyring();
});

function setEnv(values: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnvCache();
  resetAppKeyring();
}

describe('appKeyring', () => {
  it('uses ENCRYPTION_KEYS when set', () => {
    setEnv({ ENCRYPTION_KEYS: `k2:${Buffer.alloc(32, 2).toString('base64')},k1:${Buffer.alloc(32, 1).toString('base64')}` });
    expect(appKeyring().primaryKeyId).toBe('k2');
    expect(appKeyring().keyIds).toEqual(['k2', 'k1']);
  });

  it('generates a key once into the data folder (0600) for the embedded mode', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tradedeck-keyring-'));
    try {
      setEnv({ ENCRYPTION_KEYS: undefined, DATABASE_URL: undefined, DATA_DIR: dir });
      const first = appKeyring();
      expect(first.primaryKeyId).toBe('local');
      expect(statSync(path.join(dir, 'encryption-key')).mode & 0o777).toBe(0o600);
      resetAppKeyring();
      expect(appKeyring().primaryKey.equals(first.primaryKey)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start in production on Postgres without keys, naming the variable', () => {
    setEnv({ ENCRYPTION_KEYS: undefined, DATABASE_URL: 'postgres://x@127.0.0.1/db', NODE_ENV: 'production' });
    expect(() => assertEncryptionConfigured()).toThrow(KeyringError);
    expect(() => assertEncryptionConfigured()).toThrow(/ENCRYPTION_KEYS is not set/);
  });

  it('reports a malformed ENCRYPTION_KEYS without echoing it', () => {
    setEnv({ ENCRYPTION_KEYS: 'k1:c2hvcnQ=' });
    expect(() => appKeyring()).toThrow(/ENCRYPTION_KEYS is invalid/);
    expect(() => appKeyring()).not.toThrow(/c2hvcnQ/);
  });
});
