import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeKite, startFakeKite } from './server';
import { type KiteClient, loginAs, rejectionOf } from './test-helpers';

let fake: FakeKite;
let kc: KiteClient;

beforeAll(async () => {
  fake = await startFakeKite({ now: () => new Date('2026-11-20T06:00:00Z'), rateLimits: false });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(async () => {
  fake.control.reset();
  kc = await loginAs(fake, 'AB1234');
});

const control = (action: string, body?: unknown) =>
  fetch(`${fake.url}/__control/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? '' : JSON.stringify(body),
  });

describe('failNext', () => {
  it('injects a 429 burst on one path, then recovers', async () => {
    fake.control.failNext({ path: '/portfolio/holdings', status: 429, count: 2 });
    const first = await rejectionOf(kc.getHoldings());
    expect(first).toEqual({ status: 'error', message: 'Too many requests', data: null, error_type: 'NetworkException' });
    expect((await rejectionOf(kc.getHoldings())).error_type).toBe('NetworkException');
    // Other paths are untouched while the rule is active.
    expect((await kc.getProfile()).user_id).toBe('AB1234');
    expect((await kc.getHoldings()).length).toBe(6);
    expect(fake.control.requests.filter((r) => r.path === '/portfolio/holdings').map((r) => r.status)).toEqual([429, 429, 200]);
  });

  it('injects Kite-style 5xx envelopes with the matching exception', async () => {
    fake.control.failNext({ status: 503 });
    expect(await rejectionOf(kc.getPositions())).toMatchObject({ error_type: 'NetworkException', message: 'Service unavailable' });
    fake.control.failNext({ status: 500, errorType: 'OrderException', message: 'OMS timed out' });
    expect(await rejectionOf(kc.getOrders())).toMatchObject({ error_type: 'OrderException', message: 'OMS timed out' });
  });

  it('with errorType null sends an HTML error page, which the client maps to NetworkException + statusText', async () => {
    fake.control.failNext({ path: '/user/margins', status: 502, errorType: null });
    const error = await rejectionOf(kc.getMargins());
    expect(error).toEqual({ message: 'Bad Gateway', error_type: 'NetworkException', data: null });
  });
});

describe('malformed responses', () => {
  it('truncated JSON and HTML on 200 RESOLVE in kiteconnect with a DataException-shaped object', async () => {
    fake.control.malformed({ path: '/portfolio/holdings', kind: 'json' });
    const json: unknown = await kc.getHoldings();
    expect(json).toMatchObject({ error_type: 'DataException' });
    fake.control.malformed({ path: '/portfolio/positions', kind: 'html' });
    const html: unknown = await kc.getPositions();
    expect(html).toMatchObject({
      error_type: 'DataException',
      message: expect.stringContaining('Unknown content type (text/html; charset=utf-8)'),
    });
  });
});

describe('slow', () => {
  it('delays matching responses so client timeouts surface as NetworkException', async () => {
    const impatient = await loginAs(fake, 'CD5678');
    fake.control.slow({ path: '/portfolio/holdings', ms: 1500, count: 1 });
    const { KiteConnect } = await import('kiteconnect');
    const shortTimeout = new KiteConnect({ api_key: fake.control.demoApp.apiKey, root: fake.url, access_token: impatient.accessToken, timeout: 200 });
    const error = await rejectionOf(shortTimeout.getHoldings());
    expect(error).toEqual({ message: 'No response from server with error code: ECONNABORTED', error_type: 'NetworkException', data: null });
    // The rule was used up by that request.
    expect((await impatient.getHoldings()).length).toBe(4);
  });
});

describe('control over HTTP', () => {
  it('scripts the running fake: fail-next, expire-tokens, requests, reset', async () => {
    expect((await control('fail-next', { path: '/user/profile', status: 504 })).status).toBe(200);
    expect(await rejectionOf(kc.getProfile())).toMatchObject({ error_type: 'NetworkException', message: 'Gateway timeout' });

    const expired = await control('expire-tokens');
    expect(await expired.json()).toEqual({ ok: true, expired: 1 });
    expect((await rejectionOf(kc.getProfile())).error_type).toBe('TokenException');

    const log = await fetch(`${fake.url}/__control/requests`);
    const body = (await log.json()) as { requests: { path: string; status?: number }[] };
    expect(body.requests.filter((r) => r.path === '/user/profile').map((r) => r.status)).toEqual([504, 403]);

    const bad = await control('fail-next', { status: 200 });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false });

    expect((await control('reset')).status).toBe(200);
    expect(fake.control.requests).toHaveLength(0);
    const unknown = await control('does-not-exist');
    expect(unknown.status).toBe(404);
  });

  it('adds an app over HTTP and reports state without secrets', async () => {
    const added = await control('add-app', { apiKey: 'httpapp', apiSecret: 'httpsecret', redirectUrl: 'http://127.0.0.1:3999/cb' });
    expect(await added.json()).toEqual({ ok: true, apiKey: 'httpapp', redirectUrl: 'http://127.0.0.1:3999/cb', name: 'App httpapp' });
    const state = await (await fetch(`${fake.url}/__control/state`)).text();
    expect(state).toContain('AB1234');
    expect(state).not.toContain(fake.control.demoApp.apiSecret);
    const login = await fetch(`${fake.loginUrl}?v=3&api_key=httpapp`);
    expect(login.status).toBe(200);
  });
});
