import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { resetEnvCache } from '@/lib/env';
import { callKite } from '@/lib/kite/call-kite';
import { createKiteClient } from '@/lib/kite/client';
import { type FakeKite, startFakeKite } from '@/tests/fakes/kite-server';

let kite: FakeKite;

// When each request to Kite leaves this process. The fake Kite shares this process's event loop, so
// its own arrival times bunch whenever the loop stalls; the send times are what the limiter controls.
const sent: { path: string; at: number }[] = [];
const onRequestStart = (message: unknown) => {
  const { request } = message as { request: ClientRequest };
  sent.push({ path: request.path.split('?')[0] ?? '', at: Date.now() });
};

beforeAll(async () => {
  subscribe('http.client.request.start', onRequestStart);
  kite = await startFakeKite({ rateLimits: true });
  process.env.KITE_API_ROOT = kite.url;
  resetEnvCache();
});
afterAll(async () => {
  unsubscribe('http.client.request.start', onRequestStart);
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
  async function profiles(count: number, during?: () => void) {
    const apiKey = kite.control.demoApp.apiKey;
    const client = await session(apiKey, kite.control.demoApp.apiSecret, 'AB1234');
    // Two "instances" (separate client objects) share the limit through the database.
    const other = createKiteClient({ apiKey, accessToken: (client as unknown as { access_token: string }).access_token });
    sent.length = 0;
    const started = Date.now();
    const calls = Array.from({ length: count }, (_, i) =>
      callKite({ apiKey, schema: z.looseObject({ user_id: z.string() }), request: () => (i % 2 ? client : other).getProfile() }),
    );
    during?.();
    const results = await Promise.all(calls);
    return { results, ms: Date.now() - started, sendTimes: sent.filter((s) => s.path === '/user/profile').map((s) => s.at) };
  }

  it('holds Kite’s 10/s under 25 concurrent requests', async () => {
    const { results, ms, sendTimes } = await profiles(25);
    // 25 requests at under 10/s cannot finish in less than ~2.4 s: the limiter paced them.
    expect(ms).toBeGreaterThanOrEqual(2400);
    expect(results.every((r) => r.user_id === 'AB1234')).toBe(true);
    expect(sendTimes.length).toBeGreaterThanOrEqual(25);
    expect(maxInAnySecond(sendTimes)).toBeLessThanOrEqual(10);
  });

  it('still holds 10/s when the event loop stalls while requests wait for their slots', async () => {
    // 700 ms of blocked event loop (a long GC pause, a CPU-bound task) 500 ms in: the requests due
    // in that time wake together and must not all go out at once.
    const stall = () => setTimeout(() => {
      const until = Date.now() + 700;
      while (Date.now() < until);
    }, 500);
    const { results, sendTimes } = await profiles(25, stall);
    expect(results.every((r) => r.user_id === 'AB1234')).toBe(true);
    expect(maxInAnySecond(sendTimes)).toBeLessThanOrEqual(10);
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
