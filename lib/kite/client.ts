import 'server-only';
import { KiteConnect } from 'kiteconnect';

export type KiteClient = InstanceType<typeof KiteConnect>;
import { getEnv } from '@/lib/env';

export const KITE_TIMEOUT_MS = 5_000;
const DEFAULT_LOGIN_URL = 'https://kite.zerodha.com/connect/login';

/**
 * The one place a KiteConnect client is built. KITE_API_ROOT / KITE_LOGIN_URL point it at any
 * server (the fake in tests, the sandbox); kiteconnect 5.x ignores `login_uri`, so the login URL is
 * assigned to the public property instead.
 */
export function createKiteClient({ apiKey, accessToken, timeoutMs = KITE_TIMEOUT_MS }: { apiKey: string; accessToken?: string; timeoutMs?: number }): KiteClient {
  const env = getEnv();
  const client = new KiteConnect({
    api_key: apiKey,
    ...(accessToken ? { access_token: accessToken } : {}),
    ...(env.KITE_API_ROOT ? { root: env.KITE_API_ROOT } : {}),
    timeout: timeoutMs,
  });
  Object.assign(client, { default_login_uri: kiteLoginBaseUrl() });
  return client;
}

export function kiteLoginBaseUrl(): string {
  return getEnv().KITE_LOGIN_URL ?? DEFAULT_LOGIN_URL;
}

/** Kite's login page with `redirect_params` carrying our signed state (echoed back on the redirect). */
export function kiteLoginUrl({ apiKey, state }: { apiKey: string; state: string }): string {
  const url = new URL(kiteLoginBaseUrl());
  url.searchParams.set('v', '3');
  url.searchParams.set('api_key', apiKey);
  url.searchParams.set('redirect_params', new URLSearchParams({ state }).toString());
  return url.toString();
}
