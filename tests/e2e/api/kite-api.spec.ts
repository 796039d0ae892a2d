import { DEMO_APP } from '../../fakes/kite-server/demo-app';
import { expect, test } from '@playwright/test';
import { fakeKiteURL, newUser, registerViaApi, signInViaApi } from '../fixtures';

const DEMO = { api_key: DEMO_APP.apiKey, api_secret: DEMO_APP.apiSecret };

test('Kite app API: validation, masked key, secret never returned, two users isolated', async ({ playwright, baseURL }) => {
  const a = await playwright.request.newContext({ baseURL });
  const b = await playwright.request.newContext({ baseURL });
  await signInViaApi(a, await registerViaApi(a, newUser('kiteapia')));
  await signInViaApi(b, await registerViaApi(b, newUser('kiteapib')));

  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get('/api/v1/kite/status')).status()).toBe(401);
  expect((await anonymous.put('/api/v1/kite/app', { data: DEMO })).status()).toBe(401);

  for (const data of [{}, { api_key: '', api_secret: '' }, { api_key: 'bad key', api_secret: DEMO.api_secret }, { api_key: DEMO.api_key, api_secret: 'short' }]) {
    const response = await a.put('/api/v1/kite/app', { data });
    expect(response.status()).toBe(400);
    expect((await response.json()).error.code).toBe('validation_failed');
  }
  expect((await a.put('/api/v1/kite/app', { data: 'not json', headers: { 'content-type': 'application/json' } })).status()).toBe(400);
  expect((await (await a.get('/api/v1/kite/status')).json()).linked).toBe(false);

  const saved = await a.put('/api/v1/kite/app', { data: DEMO });
  expect(saved.status()).toBe(200);
  const text = await saved.text();
  expect(text).not.toContain(DEMO.api_secret);
  expect(text).not.toContain(DEMO.api_key);
  expect(JSON.parse(text)).toMatchObject({ linked: true, api_key_masked: 'tdsa••••••••o001', connected: false, session: 'none' });

  // B sees nothing of A's app and cannot remove it.
  expect(await (await b.get('/api/v1/kite/status')).json()).toMatchObject({ linked: false, api_key_masked: null });
  expect((await b.delete('/api/v1/kite/app')).status()).toBe(200);
  expect((await (await a.get('/api/v1/kite/status')).json()).linked).toBe(true);

  // Portfolio without a session: not an error, a clear state.
  const holdings = await a.get('/api/v1/portfolio/holdings');
  expect(holdings.status()).toBe(200);
  expect(await holdings.json()).toMatchObject({ kind: 'holdings', source: 'none', kite: 'not_connected', data: null });
  expect((await a.get('/api/v1/portfolio/nope')).status()).toBe(404);

  // The login redirect carries signed state in redirect_params, never a bare user id.
  const login = await a.get('/api/kite/login', { maxRedirects: 0 });
  expect(login.status()).toBe(302);
  const location = new URL(login.headers().location ?? '');
  expect(location.searchParams.get('api_key')).toBe(DEMO.api_key);
  const state = new URLSearchParams(location.searchParams.get('redirect_params') ?? '').get('state') ?? '';
  expect(state).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);

  // B replaying A's state is refused; a callback with junk parameters is a message, never a 500.
  const stolen = await b.get(`/api/kite/callback?status=success&request_token=abcdefgh12345678&state=${encodeURIComponent(state)}`, { maxRedirects: 0 });
  expect(stolen.headers().location).toMatch(/\/settings\?kite=invalid_state/);
  for (const query of ['', '?state=x', '?status=success', `?state=${'%00'.repeat(300)}`, '?state[]=1&state[]=2']) {
    const response = await a.get(`/api/kite/callback${query}`, { maxRedirects: 0 });
    expect(response.status()).toBe(302);
    expect(response.headers().location).toMatch(/\/settings\?kite=invalid_state/);
  }
  const b2 = await b.get('/api/kite/login', { maxRedirects: 0 });
  expect(b2.headers().location).toMatch(/\/settings\?kite=no_app/);

  expect((await a.delete('/api/v1/kite/app')).status()).toBe(200);
  expect((await (await a.get('/api/v1/kite/status')).json()).linked).toBe(false);
  await Promise.all([a.dispose(), b.dispose(), anonymous.dispose()]);
});

test('instrument search answers fast with Kite fields, and bad queries are 400s', async ({ request }) => {
  await signInViaApi(request, await registerViaApi(request, newUser('kitesearch')));
  const response = await request.get('/api/v1/instruments/search?q=infy');
  expect(response.status()).toBe(200);
  const { instruments } = (await response.json()) as { instruments: Record<string, unknown>[] };
  expect(instruments[0]).toMatchObject({ exchange: 'NSE', tradingsymbol: 'INFY', instrument_type: 'EQ', lot_size: 1, instrument_token: 408065 });
  expect(Object.keys(instruments[0] ?? {}).sort()).toEqual(
    ['exchange', 'expiry', 'instrument_token', 'instrument_type', 'lot_size', 'name', 'segment', 'strike', 'tick_size', 'tradingsymbol'].sort(),
  );
  const fuzzy = (await (await request.get('/api/v1/instruments/search?q=RELIANC')).json()) as { instruments: { tradingsymbol: string }[] };
  expect(fuzzy.instruments.map((i) => i.tradingsymbol)).toContain('RELIANCE');
  expect((await request.get('/api/v1/instruments/search')).status()).toBe(400);
  expect((await request.get(`/api/v1/instruments/search?q=${'x'.repeat(200)}`)).status()).toBe(400);
  expect((await request.get('/api/v1/instruments/search?q=zzzzqqq')).status()).toBe(200);
});

test('without CRON_SECRET configured the cron routes do not exist, whatever the caller sends', async ({ request }) => {
  const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer wrong-secret-0000000000' }];
  for (const path of ['/api/cron/instruments', '/api/cron/paper', '/api/cron/jobs']) {
    for (const headers of attempts) {
      const response = await request.get(path, { headers });
      expect(response.status(), path).toBe(404);
      expect((await response.json()).error.code).toBe('not_found');
    }
  }
});

test('portfolio API: live for the connected user, nothing of theirs for another user', async ({ playwright, baseURL }) => {
  const a = await playwright.request.newContext({ baseURL });
  const b = await playwright.request.newContext({ baseURL });
  await signInViaApi(a, await registerViaApi(a, newUser('kiteporta')));
  await signInViaApi(b, await registerViaApi(b, newUser('kiteportb')));
  expect((await a.put('/api/v1/kite/app', { data: DEMO })).status()).toBe(200);

  // The browser's round trip, by hand: our login redirect → Kite's login form → our callback.
  const toKite = (await a.get('/api/kite/login', { maxRedirects: 0 })).headers().location ?? '';
  const redirectParams = new URL(toKite).searchParams.get('redirect_params') ?? '';
  const state = (await (await a.get(`${fakeKiteURL}/__control/state`)).json()) as { users: { userId: string; password: string }[] };
  const password = state.users.find((u) => u.userId === 'AB1234')?.password ?? '';
  const kiteAnswer = await a.post(`${fakeKiteURL}/connect/login`, {
    form: { api_key: DEMO.api_key, redirect_params: redirectParams, user_id: 'AB1234', password, action: 'login' },
    maxRedirects: 0,
  });
  const callback = new URL(kiteAnswer.headers().location ?? '');
  const back = await a.get(`${callback.pathname}${callback.search}`, { maxRedirects: 0 });
  expect(back.headers().location).toMatch(/\/settings\?kite=connected/);

  for (const kind of ['holdings', 'positions', 'orders', 'trades', 'margins']) {
    const mine = await a.get(`/api/v1/portfolio/${kind}`);
    expect(mine.status()).toBe(200);
    const body = await mine.json();
    expect(body).toMatchObject({ kind, source: 'live', kite: 'live' });
    expect(Date.parse(body.fetched_at)).not.toBeNaN();
    const theirs = await (await b.get(`/api/v1/portfolio/${kind}`)).json();
    expect(theirs).toMatchObject({ kind, source: 'none', kite: 'not_linked', data: null });
  }
  const status = await (await a.get('/api/v1/kite/status')).json();
  expect(status).toMatchObject({ connected: true, zerodha_user_id: 'AB1234' });
  expect(JSON.stringify(status)).not.toContain(DEMO.api_secret);
  expect((await (await b.get('/api/v1/kite/status')).json()).zerodha_user_id).toBeNull();

  expect((await a.delete('/api/v1/kite/session')).status()).toBe(200);
  expect(await (await a.get('/api/v1/portfolio/holdings')).json()).toMatchObject({ source: 'snapshot', kite: 'not_connected' });
  await Promise.all([a.dispose(), b.dispose()]);
});
