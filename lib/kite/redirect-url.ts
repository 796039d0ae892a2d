import 'server-only';
import { headers } from 'next/headers';
import { getEnv } from '@/lib/env';

/** The redirect URL users register on developers.kite.trade: APP_URL, else this request's origin. */
export async function kiteRedirectUrl(): Promise<string> {
  const appUrl = getEnv().APP_URL;
  if (appUrl) return new URL('/api/kite/callback', appUrl).toString();
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
  return `${proto}://${host}/api/kite/callback`;
}
