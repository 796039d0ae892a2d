import { expect, test } from '@playwright/test';
import { newUser, registerViaApi, signInViaApi } from '../fixtures';

test('anonymous API calls get 401 in the error shape', async ({ request }) => {
  for (const path of ['/api/v1/me', '/api/v1/paper/account', '/api/v1/anything']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(401);
    expect(await response.json()).toEqual({ error: { code: 'unauthenticated', message: 'Sign in to continue.' } });
  }
});

test('health is public and reports the database and migrations', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'ok', database: { mode: 'pglite', reachable: true }, migrations: { pending: [] } });
});

test('a script signs in through the standard Auth.js endpoints and reads /me', async ({ request }) => {
  const user = await registerViaApi(request);
  const signIn = await signInViaApi(request, user);
  const cookie = signIn.headers()['set-cookie'] ?? '';
  expect(cookie).toMatch(/authjs\.session-token=[^;]+;.*HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Lax/i);
  const me = await request.get('/api/v1/me');
  expect(me.status()).toBe(200);
  expect(await me.json()).toEqual({ user: { id: expect.any(String), email: user.email, name: user.name, role: 'USER' } });
  expect(JSON.stringify(await me.json())).not.toContain('password');
});

test('session cookies are Secure when the app is served over HTTPS', async ({ request }) => {
  const user = await registerViaApi(request);
  const { csrfToken } = (await (await request.get('/api/auth/csrf', { headers: { 'x-forwarded-proto': 'https' } })).json()) as { csrfToken: string };
  const response = await request.post('/api/auth/callback/credentials', {
    headers: { 'x-forwarded-proto': 'https' },
    form: { csrfToken, email: user.email, password: user.password },
    maxRedirects: 0,
  });
  const cookie = response.headers()['set-cookie'] ?? '';
  expect(cookie).toMatch(/__Secure-authjs\.session-token=[^;]+;.*Secure/i);
});

test('a wrong password and an unknown email fail the same way', async ({ request }) => {
  const user = await registerViaApi(request);
  const attempt = async (email: string, password: string) => {
    const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const response = await request.post('/api/auth/callback/credentials', { form: { csrfToken, email, password }, maxRedirects: 0 });
    return { status: response.status(), location: (response.headers()['location'] ?? '').replace(/callbackUrl=[^&]*/, '') };
  };
  const wrong = await attempt(user.email, 'not the right password');
  const unknown = await attempt(newUser().email, 'not the right password');
  expect(wrong.location).toContain('error=CredentialsSignin');
  expect(unknown).toEqual(wrong);
  expect((await request.get('/api/v1/me')).status()).toBe(401);
});

test('registration races: exactly one of two identical registrations wins', async ({ playwright, baseURL }) => {
  const user = newUser();
  const contexts = await Promise.all([playwright.request.newContext({ baseURL }), playwright.request.newContext({ baseURL })]);
  const statuses = await Promise.all(contexts.map(async (context) => (await context.post('/api/v1/auth/register', { data: user })).status()));
  expect(statuses.sort()).toEqual([201, 409]);
  await Promise.all(contexts.map((context) => context.dispose()));
});

test('pages and API answers carry the security headers', async ({ request }) => {
  for (const path of ['/sign-in', '/api/health']) {
    const headers = (await request.get(path)).headers();
    expect(headers['x-frame-options'], path).toBe('DENY');
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
  }
});
