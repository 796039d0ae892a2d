import { afterEach, describe, expect, it } from 'vitest';
import { resetEnvCache } from '@/lib/env';
import { authorizeCron } from '@/lib/http/cron-auth';

const request = (authorization?: string) => new Request('http://x/api/cron/paper', authorization ? { headers: { authorization } } : {});

afterEach(() => {
  delete process.env.CRON_SECRET;
  resetEnvCache();
});

describe('authorizeCron', () => {
  it('hides the route when no secret is configured', () => {
    delete process.env.CRON_SECRET;
    resetEnvCache();
    expect(() => authorizeCron(request('Bearer anything-at-all-here'))).toThrow(expect.objectContaining({ status: 404 }));
  });

  it('accepts only the configured bearer secret', () => {
    process.env.CRON_SECRET = 'a-cron-secret-of-enough-length';
    resetEnvCache();
    expect(() => authorizeCron(request('Bearer a-cron-secret-of-enough-length'))).not.toThrow();
    expect(() => authorizeCron(request('Bearer wrong-secret-of-enough-length'))).toThrow(expect.objectContaining({ status: 401 }));
    expect(() => authorizeCron(request())).toThrow(expect.objectContaining({ status: 401 }));
  });
});
