import { randomUUID } from 'node:crypto';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const PASSWORD = 'a long and unusual passphrase 7';

export function newUser(label = 'trader') {
  return { email: `${label}-${randomUUID()}@example.test`, password: PASSWORD, name: `${label[0]?.toUpperCase()}${label.slice(1)} Test` };
}

export async function registerViaApi(request: APIRequestContext, user = newUser()) {
  const response = await request.post('/api/v1/auth/register', { data: user });
  expect(response.status()).toBe(201);
  return user;
}

/** Signs in the way any script can: CSRF token, then a form post to the credentials callback. */
export async function signInViaApi(request: APIRequestContext, user: { email: string; password: string }) {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: user.email, password: user.password },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  return response;
}

export async function signInViaForm(page: Page, user: { email: string; password: string }) {
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

// The fake servers the app talks to in browser tests (started by playwright.config.ts).
const e2ePort = Number(process.env.E2E_PORT ?? 3100);
export const fakeKiteURL = `http://127.0.0.1:${e2ePort + 1}`;
export const fakeAnthropicURL = `http://127.0.0.1:${e2ePort + 2}`;
