import { KiteConnect } from 'kiteconnect';
import { z } from 'zod';
import type { FakeKite } from './server';

// axios (inside kiteconnect) honours HTTP(S)_PROXY; loopback must never go through a proxy.
if (process.env.HTTP_PROXY || process.env.HTTPS_PROXY || process.env.http_proxy || process.env.https_proxy) {
  process.env.NO_PROXY = [process.env.NO_PROXY, '127.0.0.1', 'localhost'].filter(Boolean).join(',');
}

export type KiteClient = InstanceType<typeof KiteConnect>;

/** The real client pointed at the fake. `login_uri` is ignored by kiteconnect 5.x, hence the property. */
export function kiteClient(fake: FakeKite, options: { apiKey?: string; accessToken?: string; timeout?: number } = {}): KiteClient {
  const kc = new KiteConnect({
    api_key: options.apiKey ?? fake.control.demoApp.apiKey,
    root: fake.url,
    ...(options.accessToken ? { access_token: options.accessToken } : {}),
    ...(options.timeout ? { timeout: options.timeout } : {}),
  });
  Object.assign(kc, { default_login_uri: fake.loginUrl });
  return kc;
}

/** What kiteconnect rejects with: a plain object, not an Error. */
export const KiteClientErrorSchema = z.object({
  status: z.string().optional(),
  message: z.string(),
  data: z.unknown().optional(),
  error_type: z.string(),
});
export type KiteClientError = z.infer<typeof KiteClientErrorSchema>;

export async function rejectionOf(promise: Promise<unknown>): Promise<KiteClientError> {
  try {
    await promise;
  } catch (error) {
    return KiteClientErrorSchema.parse(error);
  }
  throw new Error('expected the Kite call to reject');
}

/** Submits the login page's form the way a browser would; returns the redirect target. */
export async function submitLogin(
  loginPageUrl: string,
  fields: { userId: string; password: string; action?: 'login' | 'cancel' },
): Promise<{ status: number; location: string | null; html: string }> {
  const page = await fetch(loginPageUrl);
  const html = await page.text();
  const hiddenValue = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';
  const form = new URLSearchParams({
    api_key: hiddenValue('api_key'),
    redirect_params: hiddenValue('redirect_params').replaceAll('&amp;', '&').replaceAll('&#39;', "'").replaceAll('&quot;', '"'),
    user_id: fields.userId,
    password: fields.password,
    action: fields.action ?? 'login',
  });
  const formAction = /<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? '/connect/login';
  const response = await fetch(new URL(formAction, loginPageUrl), {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
  return { status: response.status, location: response.headers.get('location'), html: await response.text() };
}

/** Full login: page → redirect → request_token → generateSession. Returns a client holding the access token. */
export async function loginAs(
  fake: FakeKite,
  userId: string,
  app = fake.control.demoApp,
): Promise<KiteClient & { accessToken: string }> {
  const user = fake.control.users.find((u) => u.userId === userId);
  if (!user) throw new Error(`no fake user ${userId}`);
  const kc = kiteClient(fake, { apiKey: app.apiKey });
  const { location } = await submitLogin(kc.getLoginURL(), { userId, password: user.password });
  const requestToken = new URL(location ?? 'http://invalid/').searchParams.get('request_token');
  if (!requestToken) throw new Error('login did not yield a request_token');
  const session = await kc.generateSession(requestToken, app.apiSecret);
  return Object.assign(kc, { accessToken: session.access_token });
}
