import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeKite, startFakeKite } from './server';
import { kiteClient, loginAs, rejectionOf, submitLogin } from './test-helpers';

// Friday 2026-11-20 10:30:00 IST.
const NOW = new Date('2026-11-20T05:00:00Z');
let fake: FakeKite;

beforeAll(async () => {
  fake = await startFakeKite({ now: () => NOW, rateLimits: false, redirectUrl: 'http://localhost:3000/api/kite/callback' });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.control.reset();
});

describe('login page', () => {
  it('is the URL the real client builds, and renders an accessible form', async () => {
    const kc = kiteClient(fake);
    expect(kc.getLoginURL()).toBe(`${fake.loginUrl}?api_key=${fake.control.demoApp.apiKey}&v=3`);
    const response = await fetch(kc.getLoginURL());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<label for="user_id">User ID</label>');
    expect(html).toContain('<label for="password">Password</label>');
    expect(html).toContain('Log in as Priya Nair (CD5678)');
    expect(html).toContain('value="cancel"');
  });

  it('redirects to the registered URL with request_token and the decoded redirect_params', async () => {
    const redirectParams = encodeURIComponent('portfolio=pf_9&next=/paper?x=1');
    const loginUrl = `${fake.loginUrl}?v=3&api_key=${fake.control.demoApp.apiKey}&redirect_params=${redirectParams}`;
    const result = await submitLogin(loginUrl, { userId: 'ab1234', password: 'demo-aarav' });
    expect(result.status).toBe(302);
    const location = new URL(result.location ?? '');
    expect(`${location.origin}${location.pathname}`).toBe('http://localhost:3000/api/kite/callback');
    expect(location.searchParams.get('action')).toBe('login');
    expect(location.searchParams.get('type')).toBe('login');
    expect(location.searchParams.get('status')).toBe('success');
    expect(location.searchParams.get('request_token')).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(location.searchParams.get('portfolio')).toBe('pf_9');
    expect(location.searchParams.get('next')).toBe('/paper?x=1');
  });

  it('cancel redirects with status=cancelled and no token', async () => {
    const result = await submitLogin(kiteClient(fake).getLoginURL(), { userId: '', password: '', action: 'cancel' });
    expect(result.status).toBe(302);
    const location = new URL(result.location ?? '');
    expect(location.searchParams.get('status')).toBe('cancelled');
    expect(location.searchParams.has('request_token')).toBe(false);
  });

  it('rejects a wrong password on the page and an unknown api_key with an error page', async () => {
    const wrong = await submitLogin(kiteClient(fake).getLoginURL(), { userId: 'AB1234', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.location).toBeNull();
    expect(wrong.html).toContain('role="alert">Invalid user ID or password.');
    const unknown = await fetch(`${fake.loginUrl}?v=3&api_key=notanapp`);
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('Invalid `api_key`.');
  });

  it('uses the redirect URL of each registered app', async () => {
    const app = fake.control.addApp({ apiKey: 'otherapp', apiSecret: 's3cret', redirectUrl: 'http://127.0.0.1:4999/cb' });
    const kc = kiteClient(fake, { apiKey: app.apiKey });
    const result = await submitLogin(kc.getLoginURL(), { userId: 'CD5678', password: 'demo-priya' });
    expect(result.location?.startsWith('http://127.0.0.1:4999/cb?action=login&type=login&status=success&request_token=')).toBe(true);
  });
});

describe('POST /session/token via generateSession', () => {
  it('returns the session envelope and the client turns login_time into a Date', async () => {
    const token = fake.control.issueRequestToken(fake.control.demoApp.apiKey, 'AB1234');
    const kc = kiteClient(fake);
    const session = await kc.generateSession(token, fake.control.demoApp.apiSecret);
    expect(session).toMatchObject({
      user_id: 'AB1234',
      user_name: 'Aarav Sharma',
      user_shortname: 'Aarav',
      email: 'aarav.sharma@example.in',
      user_type: 'individual',
      broker: 'ZERODHA',
      api_key: fake.control.demoApp.apiKey,
      refresh_token: '',
      meta: { demat_consent: 'physical' },
    });
    expect(session.access_token).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(session.public_token).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(session.exchanges).toContain('NSE');
    // "2026-11-20 10:30:00" IST parsed by `new Date()` in the process's local zone.
    expect(session.login_time).toBeInstanceOf(Date);
    expect(session.login_time).toEqual(new Date(2026, 10, 20, 10, 30, 0));
    const checksumCall = fake.control.requests.find((r) => r.path === '/session/token');
    expect(checksumCall?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(checksumCall?.headers['x-kite-version']).toBe('3');
    expect(checksumCall?.headers.authorization).toBeUndefined();
    expect(await kc.getProfile()).toMatchObject({ user_id: 'AB1234' });
  });

  it('refuses a reused request token', async () => {
    const token = fake.control.issueRequestToken(fake.control.demoApp.apiKey, 'AB1234');
    await kiteClient(fake).generateSession(token, fake.control.demoApp.apiSecret);
    const error = await rejectionOf(kiteClient(fake).generateSession(token, fake.control.demoApp.apiSecret));
    expect(error).toEqual({ status: 'error', message: 'Token is invalid or has expired.', data: null, error_type: 'TokenException' });
    expect(fake.control.requests.at(-1)?.status).toBe(403);
  });

  it('refuses a wrong api_secret (checksum) and does not burn the token', async () => {
    const token = fake.control.issueRequestToken(fake.control.demoApp.apiKey, 'CD5678');
    const error = await rejectionOf(kiteClient(fake).generateSession(token, 'not-the-secret'));
    expect(error.error_type).toBe('TokenException');
    expect(error.message).toBe('Invalid `checksum`.');
    const session = await kiteClient(fake).generateSession(token, fake.control.demoApp.apiSecret);
    expect(session.user_id).toBe('CD5678');
  });

  it('expires request tokens after the configured TTL and on demand', async () => {
    const app = fake.control.demoApp;
    const stale = fake.control.issueRequestToken(app.apiKey, 'AB1234');
    fake.control.advanceClock(5 * 60 * 1000 + 1);
    expect((await rejectionOf(kiteClient(fake).generateSession(stale, app.apiSecret))).error_type).toBe('TokenException');
    const fresh = fake.control.issueRequestToken(app.apiKey, 'AB1234');
    fake.control.expireRequestTokens();
    expect((await rejectionOf(kiteClient(fake).generateSession(fresh, app.apiSecret))).message).toBe(
      'Token is invalid or has expired.',
    );
  });

  it('refuses a request token minted for another app', async () => {
    const other = fake.control.addApp({ apiKey: 'secondapp', apiSecret: 'second-secret' });
    const token = fake.control.issueRequestToken(other.apiKey, 'AB1234');
    const error = await rejectionOf(kiteClient(fake).generateSession(token, fake.control.demoApp.apiSecret));
    expect(error.error_type).toBe('TokenException');
  });
});

describe('access tokens', () => {
  it('expire at the next 06:00 IST', async () => {
    const kc = await loginAs(fake, 'AB1234');
    // 10:30 IST → 06:00 IST next day is 19.5 hours away.
    fake.control.advanceClock(19.5 * 3600 * 1000 - 1000);
    expect((await kc.getProfile()).user_id).toBe('AB1234');
    fake.control.advanceClock(1000);
    const error = await rejectionOf(kc.getProfile());
    expect(error).toEqual({
      status: 'error',
      message: 'Incorrect `api_key` or `access_token`.',
      data: null,
      error_type: 'TokenException',
    });
  });

  it('expireTokens() kills sessions and the client calls its session expiry hook', async () => {
    const kc = await loginAs(fake, 'CD5678');
    let hookCalls = 0;
    kc.setSessionExpiryHook(() => {
      hookCalls += 1;
    });
    expect(fake.control.expireTokens()).toBe(1);
    expect((await rejectionOf(kc.getHoldings())).error_type).toBe('TokenException');
    expect(hookCalls).toBe(1);
    expect(fake.control.requests.at(-1)?.status).toBe(403);
  });

  it('invalidateAccessToken() logs out that token only', async () => {
    const first = await loginAs(fake, 'AB1234');
    const second = await loginAs(fake, 'CD5678');
    await expect(first.invalidateAccessToken()).resolves.toBe(true);
    const logout = fake.control.requests.find((r) => r.method === 'DELETE');
    expect(logout?.path).toBe('/session/token');
    expect(logout?.query.api_key).toEqual([fake.control.demoApp.apiKey]);
    expect(logout?.headers.authorization).toMatch(/^token tdsandboxdemo001:\*\*\*$/);
    expect((await rejectionOf(first.getProfile())).error_type).toBe('TokenException');
    expect((await second.getProfile()).user_id).toBe('CD5678');
  });

  it('rejects a token used with another api_key, and requests without X-Kite-Version', async () => {
    const kc = await loginAs(fake, 'AB1234');
    const accessToken = kc.accessToken;
    fake.control.addApp({ apiKey: 'thirdapp', apiSecret: 'x' });
    const foreign = kiteClient(fake, { apiKey: 'thirdapp', accessToken });
    expect((await rejectionOf(foreign.getProfile())).error_type).toBe('TokenException');
    const raw = await fetch(`${fake.url}/user/profile`, {
      headers: { Authorization: `token ${fake.control.demoApp.apiKey}:${accessToken}` },
    });
    expect(raw.status).toBe(403);
    expect(await raw.json()).toMatchObject({ error_type: 'TokenException' });
  });
});
