import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { completeKiteConnect, disconnectKite, removeKiteApp, startKiteConnect } from '@/lib/kite/connect';
import { revealKiteSession, saveKiteApp } from '@/lib/kite/credentials';
import { getKiteStatus } from '@/lib/kite/status';
import { getPortfolioView } from '@/lib/portfolio/get-portfolio-view';
import { getKiteQuotes } from '@/lib/kite/quotes';
import { callKite } from '@/lib/kite/call-kite';
import { createKiteClient } from '@/lib/kite/client';
import { KiteError } from '@/lib/kite/errors';
import { z } from 'zod';
import type { FakeKite } from '@/tests/fakes/kite-server';
import { DEMO_KITE_APP, kiteLoginState, useFakeKite } from '@/tests/support/fake-kite';
import type { UserId } from '@/lib/auth/user-id';
import { createTestUser } from '@/tests/support/users';

const fakeKite = useFakeKite({ rateLimits: true });
let kite: FakeKite;
const demo = DEMO_KITE_APP;
beforeAll(() => {
  kite = fakeKite();
});
beforeEach(() => kite.control.reset());

async function linkedUser(label: string, app = demo) {
  const user = await createTestUser(label);
  const sessionId = randomUUID();
  await saveKiteApp({ userId: user.id, apiKey: app.apiKey, apiSecret: app.apiSecret });
  return { ...user, sessionId };
}

async function stateFor(user: { id: UserId; sessionId: string }) {
  const { state, loginUrl } = await kiteLoginState({ userId: user.id, sessionId: user.sessionId });
  expect(`${loginUrl.origin}${loginUrl.pathname}`).toBe(kite.loginUrl);
  expect(loginUrl.searchParams.get('api_key')).toBe(demo.apiKey);
  return state;
}

async function connect(user: Awaited<ReturnType<typeof linkedUser>>, zerodhaUser = 'AB1234') {
  const state = await stateFor(user);
  const request_token = kite.control.issueRequestToken(demo.apiKey, zerodhaUser);
  return completeKiteConnect({ userId: user.id, sessionId: user.sessionId, query: { state, status: 'success', request_token } });
}

describe('Kite connect flow with the real kiteconnect client', () => {
  it('connects, stores the token encrypted with its 06:00 IST expiry, and reports status', async () => {
    const user = await linkedUser('kite-connect');
    expect(await connect(user)).toBe('connected');
    const status = await getKiteStatus({ userId: user.id });
    expect(status).toMatchObject({ linked: true, connected: true, session: 'live', zerodha_user_id: 'AB1234', zerodha_user_name: 'Aarav Sharma' });
    expect(status.api_key_masked).toBe('tdsa••••••••o001');
    const expires = new Date(status.expires_at ?? '');
    expect(expires.getUTCHours() * 60 + expires.getUTCMinutes()).toBe(30);
    const row = await db().kiteSession.findUnique({ where: { userId: user.id }, omit: { accessTokenCipher: false } });
    const session = await revealKiteSession({ userId: user.id });
    expect(row?.accessTokenCipher).toMatch(/^v1\./);
    expect(row?.accessTokenCipher).not.toContain(session?.accessToken ?? 'x');
    const app = await db().kiteApp.findUnique({ where: { userId: user.id }, omit: { apiSecretCipher: false } });
    expect(app?.apiSecretCipher).not.toContain(demo.apiSecret);
  });

  it('rejects a cancelled login, a reused or expired request token, and a wrong secret with clear outcomes', async () => {
    const user = await linkedUser('kite-errors');
    expect(await completeKiteConnect({ userId: user.id, sessionId: user.sessionId, query: { state: await stateFor(user), status: 'cancelled' } })).toBe('cancelled');

    const token = kite.control.issueRequestToken(demo.apiKey, 'AB1234');
    expect(await completeKiteConnect({ userId: user.id, sessionId: user.sessionId, query: { state: await stateFor(user), status: 'success', request_token: token } })).toBe('connected');
    expect(await completeKiteConnect({ userId: user.id, sessionId: user.sessionId, query: { state: await stateFor(user), status: 'success', request_token: token } })).toBe('expired_token');

    const stale = kite.control.issueRequestToken(demo.apiKey, 'AB1234');
    kite.control.expireRequestTokens();
    expect(await completeKiteConnect({ userId: user.id, sessionId: user.sessionId, query: { state: await stateFor(user), status: 'success', request_token: stale } })).toBe('expired_token');

    await saveKiteApp({ userId: user.id, apiKey: demo.apiKey, apiSecret: 'wrongsecret00000000000000000000x' });
    expect(await connect(user)).toBe('wrong_secret');
    expect((await getKiteStatus({ userId: user.id })).connected).toBe(false);
    expect(await completeKiteConnect({ userId: user.id, sessionId: user.sessionId, query: { state: await stateFor(user), status: 'success' } })).toBe('missing_params');
  });

  it('rejects forged, replayed, expired and other users’ states', async () => {
    const a = await linkedUser('kite-state-a');
    const b = await linkedUser('kite-state-b');
    const token = () => kite.control.issueRequestToken(demo.apiKey, 'AB1234');
    const stateA = await stateFor(a);
    // B (or A from another browser session) presenting A's state.
    expect(await completeKiteConnect({ userId: b.id, sessionId: b.sessionId, query: { state: stateA, status: 'success', request_token: token() } })).toBe('invalid_state');
    expect(await completeKiteConnect({ userId: a.id, sessionId: randomUUID(), query: { state: stateA, status: 'success', request_token: token() } })).toBe('invalid_state');
    // Forged: a valid-looking id with a made-up signature; a bare user id; nothing.
    const [id] = stateA.split('.');
    for (const state of [`${id}.${'A'.repeat(43)}`, a.id, '', `${randomUUID()}.${stateA.split('.')[1]}`]) {
      expect(await completeKiteConnect({ userId: a.id, sessionId: a.sessionId, query: { state, status: 'success', request_token: token() } })).toBe('invalid_state');
    }
    expect(await completeKiteConnect({ userId: a.id, sessionId: a.sessionId, query: {} })).toBe('invalid_state');
    // The failed attempts above did not burn A's state; it works once, then never again.
    expect(await completeKiteConnect({ userId: a.id, sessionId: a.sessionId, query: { state: stateA, status: 'success', request_token: token() } })).toBe('connected');
    expect(await completeKiteConnect({ userId: a.id, sessionId: a.sessionId, query: { state: stateA, status: 'success', request_token: token() } })).toBe('invalid_state');
    // Expired.
    const old = await stateFor(a);
    expect(
      await completeKiteConnect({ userId: a.id, sessionId: a.sessionId, query: { state: old, status: 'success', request_token: token() }, now: new Date(Date.now() + 11 * 60_000) }),
    ).toBe('invalid_state');
    expect((await getKiteStatus({ userId: b.id })).connected).toBe(false);
  });

  it('disconnects at Kite and removes the app', async () => {
    const user = await linkedUser('kite-disconnect');
    await connect(user);
    kite.control.clearRequests();
    await disconnectKite({ userId: user.id });
    expect(kite.control.requests.some((r) => r.method === 'DELETE' && r.path === '/session/token')).toBe(true);
    expect(await getKiteStatus({ userId: user.id })).toMatchObject({ linked: true, connected: false, session: 'none' });
    await connect(user);
    await removeKiteApp({ userId: user.id });
    expect(await getKiteStatus({ userId: user.id })).toMatchObject({ linked: false, connected: false });
    expect(await startKiteConnect({ userId: user.id, sessionId: user.sessionId })).toBeNull();
  });
});

describe('portfolio through Kite', () => {
  it('fetches live, keeps a snapshot, and falls back to it (dated) when the token expires or Kite fails', async () => {
    const user = await linkedUser('kite-portfolio');
    expect((await getPortfolioView({ userId: user.id, kind: 'holdings' })).kite).toBe('not_connected');
    await connect(user);
    const live = await getPortfolioView({ userId: user.id, kind: 'holdings' });
    expect(live).toMatchObject({ source: 'live', kite: 'live' });
    expect(Array.isArray(live.data) && live.data.length).toBeGreaterThan(0);
    for (const kind of ['positions', 'orders', 'trades', 'margins'] as const) {
      expect((await getPortfolioView({ userId: user.id, kind })).source).toBe('live');
    }
    const orders = await getPortfolioView({ userId: user.id, kind: 'orders' });
    const first = (orders.data as { order_timestamp: string | null }[])[0];
    // Kite's IST string survives the client's local-zone Date conversion, whatever TZ this runs in.
    const token = (await revealKiteSession({ userId: user.id }))?.accessToken ?? '';
    const raw = (await (await fetch(`${kite.url}/orders`, { headers: { 'X-Kite-Version': '3', Authorization: `token ${demo.apiKey}:${token}` } })).json()) as {
      data: { order_timestamp: string }[];
    };
    expect(first?.order_timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(first?.order_timestamp).toBe(raw.data[0]?.order_timestamp);

    kite.control.failNext({ path: '/portfolio/holdings', status: 503, errorType: null, count: 3 }); // every attempt of one call
    const down = await getPortfolioView({ userId: user.id, kind: 'holdings' });
    expect(down).toMatchObject({ source: 'snapshot', kite: 'unavailable', fetched_at: live.fetched_at, data: live.data });

    kite.control.malformed({ path: '/portfolio/holdings', kind: 'json', count: 3 });
    expect((await getPortfolioView({ userId: user.id, kind: 'holdings' })).source).toBe('snapshot');
    kite.control.failNext({ path: '/portfolio/holdings', status: 429, errorType: 'NetworkException', message: 'Too many requests', count: 2 });
    expect((await getPortfolioView({ userId: user.id, kind: 'holdings' })).source).toBe('live');

    kite.control.expireTokens({ userId: 'AB1234' });
    const expired = await getPortfolioView({ userId: user.id, kind: 'holdings' });
    expect(expired).toMatchObject({ source: 'snapshot', kite: 'expired' });
    expect(expired.notice).toMatch(/Reconnect Zerodha/);
    expect((await getKiteStatus({ userId: user.id })).session).toBe('expired');
    expect(await getKiteQuotes({ userId: user.id, instruments: ['NSE:INFY'] })).toBeNull();
  });

  it('keeps two users’ portfolios apart', async () => {
    const a = await linkedUser('kite-two-a');
    const b = await linkedUser('kite-two-b');
    await connect(a, 'AB1234');
    await connect(b, 'CD5678');
    const holdingsA = (await getPortfolioView({ userId: a.id, kind: 'holdings' })).data as { tradingsymbol: string }[];
    const holdingsB = (await getPortfolioView({ userId: b.id, kind: 'holdings' })).data as { tradingsymbol: string }[];
    expect(JSON.stringify(holdingsA)).not.toBe(JSON.stringify(holdingsB));
    kite.control.expireTokens();
    expect((await getPortfolioView({ userId: b.id, kind: 'holdings' })).data).toEqual(holdingsB);
    expect((await getPortfolioView({ userId: a.id, kind: 'holdings' })).data).toEqual(holdingsA);
  });

  it('reads an empty account with commodity disabled', async () => {
    const user = await linkedUser('kite-empty');
    await connect(user, 'EF9012');
    for (const kind of ['holdings', 'positions', 'orders', 'trades', 'margins'] as const) {
      expect((await getPortfolioView({ userId: user.id, kind })).source).toBe('live');
    }
    expect((await getPortfolioView({ userId: user.id, kind: 'holdings' })).data).toEqual([]);
  });

  it('gives live quotes through the user’s session', async () => {
    const user = await linkedUser('kite-quotes');
    expect(await getKiteQuotes({ userId: user.id, instruments: ['NSE:INFY'] })).toBeNull();
    await connect(user);
    const quotes = await getKiteQuotes({ userId: user.id, instruments: ['NSE:INFY', 'NSE:TCS'] });
    expect(quotes?.quotes['NSE:INFY']?.last_price).toBeGreaterThan(0);
  });
});

describe('secrets stay out of logs', () => {
  it('logs neither the api_secret nor the access token through connect, fetch, failures and disconnect', async () => {
    const lines: string[] = [];
    const original = { log: console.log, error: console.error, warn: console.warn, info: console.info };
    for (const level of ['log', 'error', 'warn', 'info'] as const) {
      console[level] = (...args: unknown[]) => lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    }
    try {
      const user = await linkedUser('kite-logs');
      await connect(user);
      const token = (await revealKiteSession({ userId: user.id }))?.accessToken ?? '';
      expect(token.length).toBeGreaterThan(10);
      await getPortfolioView({ userId: user.id, kind: 'holdings' });
      kite.control.failNext({ path: '/portfolio/positions', status: 500, errorType: 'GeneralException', message: 'boom', count: 3 });
      await getPortfolioView({ userId: user.id, kind: 'positions' });
      await saveKiteApp({ userId: user.id, apiKey: demo.apiKey, apiSecret: 'wrongsecret00000000000000000000y' });
      await connect(user);
      await saveKiteApp({ userId: user.id, apiKey: demo.apiKey, apiSecret: demo.apiSecret });
      await connect(user);
      await disconnectKite({ userId: user.id });
      expect(lines.length).toBeGreaterThan(0);
      const all = lines.join('\n');
      for (const secret of [demo.apiSecret, 'wrongsecret00000000000000000000y', token]) expect(all).not.toContain(secret);
    } finally {
      Object.assign(console, original);
    }
  });
});

describe('Kite trouble becomes a clear failure', () => {
  it('times out a slow Kite, retries, then fails as unavailable', async () => {
    const user = await linkedUser('kite-slow');
    await connect(user);
    const session = await revealKiteSession({ userId: user.id });
    if (!session) throw new Error('no session');
    const client = createKiteClient({ apiKey: session.apiKey, accessToken: session.accessToken, timeoutMs: 200 });
    kite.control.slow({ path: '/user/profile', ms: 1_000, count: 2 });
    const failure = await callKite({
      apiKey: session.apiKey,
      schema: z.looseObject({ user_id: z.string() }),
      request: () => client.getProfile(),
      retry: { attempts: 2, baseDelayMs: 10, maxDelayMs: 20 },
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(KiteError);
    expect((failure as KiteError).failure).toBe('unavailable');
    // The next call, no longer slow, succeeds.
    const profile = await callKite({ apiKey: session.apiKey, schema: z.looseObject({ user_id: z.string() }), request: () => client.getProfile() });
    expect(profile.user_id).toBe('AB1234');
  });
});
