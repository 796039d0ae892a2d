import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { resetEnvCache } from '@/lib/env';
import { callKite } from '@/lib/kite/call-kite';
import { createKiteClient } from '@/lib/kite/client';
import { type FakeKite, startFakeKite } from '@/tests/fakes/kite-server';

let kite: FakeKite;

beforeAll(async () => {
  kite = await startFakeKite({ rateLimits: true });
  process.env.KITE_API_ROOT = kite.url;
  resetEnvCache();
});
afterAll(async () => {
  await kite.close();
  delete process.env.KITE_API_ROOT;
  resetEnvCache();
});

function maxInAnySecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j < sorted.length && (sorted[j] ?? 0) - (sorted[i] ?? 0) < 1000) j++;
    best = Math.max(best, j - i);
  }
  return best;
}

async function session(apiKey: string, apiSecret: string, userId: string) {
  const client = createKiteClient({ apiKey });
  const token = kite.control.issueRequestToken(apiKey, userId);
  await client.generateSession(token, apiSecret);
  return client;
}

describe('the shared Kite rate limiter', () => {
  it('holds Kite’s 10/s under 25 concurrent requests with (almost) no 429s', async () => {
    const apiKey = kite.control.demoApp.apiKey;
    const client = await session(apiKey, kite.control.demoApp.apiSecret, 'AB1234');
    kite.control.clearRequests();
    // Two "instances" (separate client objects) share the limit through the database.
    const other = createKiteClient({ apiKey, accessToken: (client as unknown as { access_token: string }).access_token });
    const calls = Array.from({ length: 25 }, (_, i) =>
      callKite({ apiKey, schema: z.looseObject({ user_id: z.string() }), request: () => (i % 2 ? client : other).getProfile() }),
    );
    const started = Date.now();
    const results = await Promise.all(calls);
    // 25 requests at under 10/s cannot finish in less than ~2.4 s: the limiter paced them.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2400);
    expect(results.every((r) => r.user_id === 'AB1234')).toBe(true);
    const times = kite.control.requests.filter((r) => r.path === '/user/profile' && r.status === 200).map((r) => new Date(r.at).getTime());
    expect(times).toHaveLength(25);
    // A stalled event loop (PGlite runs in this process, next to the fake) can bunch two requests;
    // the retry absorbs that, and it must stay the exception.
    expect(kite.control.requests.filter((r) => r.status === 429).length).toBeLessThanOrEqual(2);
    expect(maxInAnySecond(times)).toBeLessThanOrEqual(10);
  });

  it('holds the quote limit of 1/s', async () => {
    // Its own app: Kite counts per api_key, and the test above just used the demo app's budget.
    const app = kite.control.addApp({ apiKey: 'quotelimit0001', apiSecret: 'quotelimitsecret0000000000000001' });
    const apiKey = app.apiKey;
    const client = await session(apiKey, app.apiSecret, 'CD5678');
    kite.control.clearRequests();
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 3 }, () => callKite({ apiKey, category: 'quote', schema: z.record(z.string(), z.unknown()), request: () => client.getLTP(['NSE:INFY']) })),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect(kite.control.requests.filter((r) => r.status === 429).length).toBeLessThanOrEqual(1);
  });
});
