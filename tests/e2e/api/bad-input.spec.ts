import { expect, test, type APIResponse } from '@playwright/test';
import { newUser } from '../fixtures';

async function expectError(response: APIResponse, status: number, code: string) {
  expect(response.status()).toBe(status);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(5);
  expect(JSON.stringify(body)).not.toMatch(/prisma|stack|at .*\.js|postgres/i);
}

test.describe('registration rejects bad input with a clear 4xx and stores nothing', () => {
  const url = '/api/v1/auth/register';

  test('malformed JSON', async ({ request }) => {
    await expectError(await request.post(url, { headers: { 'content-type': 'application/json' }, data: Buffer.from('{"email": ') }), 400, 'invalid_json');
  });

  test('empty body', async ({ request }) => {
    await expectError(await request.post(url, { headers: { 'content-type': 'application/json' }, data: Buffer.alloc(0) }), 400, 'invalid_json');
  });

  test('wrong content type', async ({ request }) => {
    await expectError(await request.post(url, { form: newUser() }), 415, 'unsupported_media_type');
  });

  test('a body over the limit (2 MB password)', async ({ request }) => {
    await expectError(await request.post(url, { data: { ...newUser(), password: 'x'.repeat(2 * 1024 * 1024) } }), 413, 'payload_too_large');
  });

  test('missing and unknown fields, wrong types', async ({ request }) => {
    const missing = await request.post(url, { data: { email: newUser().email } });
    await expectError(missing, 400, 'validation_failed');
    const body = (await missing.json()) as { error: { fields: Record<string, string[]> } };
    expect(Object.keys(body.error.fields).sort()).toEqual(['name', 'password']);

    const unknown = await request.post(url, { data: { ...newUser(), role: 'ADMIN' } });
    await expectError(unknown, 400, 'validation_failed');
    expect(JSON.stringify(await unknown.json())).toContain('role');

    await expectError(await request.post(url, { data: { email: 42, password: ['x'], name: null } }), 400, 'validation_failed');
    await expectError(await request.post(url, { data: [newUser()] }), 400, 'validation_failed');
  });

  test('a 10 kB email, control characters, a short or common password', async ({ request }) => {
    await expectError(await request.post(url, { data: { ...newUser(), email: `${'a'.repeat(10_000)}@example.test` } }), 400, 'validation_failed');
    await expectError(await request.post(url, { data: { ...newUser(), name: 'Bad\u0000Name\u0007' } }), 400, 'validation_failed');
    await expectError(await request.post(url, { data: { ...newUser(), password: 'short' } }), 400, 'validation_failed');
    const common = await request.post(url, { data: { ...newUser(), password: 'qwertyuiop' } });
    await expectError(common, 400, 'validation_failed');
    expect(JSON.stringify(await common.json())).toContain('too common');
  });

  test('nothing half-written: a rejected registration leaves the email free', async ({ request }) => {
    const user = newUser();
    await expectError(await request.post(url, { data: { ...user, password: 'short' } }), 400, 'validation_failed');
    expect((await request.post(url, { data: user })).status()).toBe(201);
  });
});

test('unknown API routes answer 404 in the error shape when signed in', async ({ request }) => {
  const user = newUser();
  await request.post('/api/v1/auth/register', { data: user });
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  await request.post('/api/auth/callback/credentials', { form: { csrfToken, ...user }, maxRedirects: 0 });
  await expectError(await request.get('/api/v1/does-not-exist'), 404, 'not_found');
});

test('a wrong method gets 405 in the error shape with Allow', async ({ request }) => {
  for (const [method, path, allow] of [
    ['DELETE', '/api/v1/me', 'GET'],
    ['POST', '/api/health', 'GET'],
    ['GET', '/api/v1/auth/register', 'POST'],
  ] as const) {
    const response = await request.fetch(path, { method });
    expect(response.status(), `${method} ${path}`).toBe(405);
    expect(response.headers()['allow']).toBe(allow);
    expect(await response.json()).toEqual({ error: { code: 'method_not_allowed', message: `${method} is not supported here; use ${allow}.` } });
  }
});
