import { afterEach, describe, expect, it } from 'vitest';
import { EnvError, getEnv, resetEnvCache } from '@/lib/env';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
});

describe('environment', () => {
  it('names every variable that is wrong', () => {
    process.env.DATABASE_URL = 'mysql://nope';
    process.env.PORT = 'eighty';
    process.env.AUTH_SECRET = 'short';
    resetEnvCache();
    expect(() => getEnv()).toThrow(EnvError);
    try {
      getEnv();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('DATABASE_URL: must be a postgres:// or postgresql:// URL');
      expect(message).toContain('PORT');
      expect(message).toContain('AUTH_SECRET: must be at least 32 characters');
      expect(message).not.toContain('short');
    }
  });

  it('treats empty values as unset and applies defaults', () => {
    process.env.DATABASE_URL = '';
    delete process.env.PORT;
    delete process.env.MIGRATE_ON_START;
    resetEnvCache();
    expect(getEnv()).toMatchObject({ DATABASE_URL: undefined, PORT: 3000, MIGRATE_ON_START: true });
  });

  it('reads boolean flags strictly', () => {
    process.env.MIGRATE_ON_START = 'false';
    resetEnvCache();
    expect(getEnv().MIGRATE_ON_START).toBe(false);
    process.env.MIGRATE_ON_START = 'maybe';
    resetEnvCache();
    expect(() => getEnv()).toThrow(/MIGRATE_ON_START/);
  });
});
