import 'server-only';
import { cookies } from 'next/headers';
import { decode } from 'next-auth/jwt';
import { getAuthSecret } from '@/lib/auth/secret';

// Auth.js's own cookie names: the __Secure- one when served over HTTPS.
const COOKIE_NAMES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const;
const CACHE_LIMIT = 10_000;

export type SessionClaims = { userId: string; sessionId: string };
type Cached = SessionClaims & { expiresAtMs: number };

// Decrypting the cookie is the costliest step of an authenticated request and its result is a
// pure function of the token, so it is memoised. Whether the session is still alive is not: that
// is asked of the database on every request.
const decoded = new Map<string, Cached | null>();

function remember(token: string, value: Cached | null): void {
  if (decoded.size >= CACHE_LIMIT) {
    const oldest = decoded.keys().next();
    if (!oldest.done) decoded.delete(oldest.value);
  }
  decoded.set(token, value);
}

async function decodeClaims(token: string, salt: string): Promise<Cached | null> {
  if (decoded.has(token)) return decoded.get(token) ?? null;
  const payload = await decode({ token, secret: getAuthSecret(), salt }).catch(() => null);
  const claims =
    payload && typeof payload.sub === 'string' && typeof payload.sid === 'string' && typeof payload.exp === 'number'
      ? { userId: payload.sub, sessionId: payload.sid, expiresAtMs: payload.exp * 1000 }
      : null;
  remember(token, claims);
  return claims;
}

/**
 * The cookies of a request's Cookie header (the first of a repeated name wins, as browsers send the
 * most specific first). Route handlers pass their header: next/headers' cookies() also builds the
 * response's mutable cookie jar on every call, a measurable share of an API request.
 */
export function parseCookieHeader(header: string | null): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    const name = part.slice(0, at).trim();
    if (jar.has(name)) continue;
    let value = part.slice(at + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try {
      jar.set(name, value.includes('%') ? decodeURIComponent(value) : value);
    } catch {
      jar.set(name, value);
    }
  }
  return jar;
}

async function cookieJar(cookieHeader: string | null | undefined): Promise<Map<string, string>> {
  if (cookieHeader !== undefined) return parseCookieHeader(cookieHeader);
  return new Map((await cookies()).getAll().map((cookie) => [cookie.name, cookie.value]));
}

/**
 * The ids inside the session cookie, or null when there is none or it does not verify. From the
 * given Cookie header (route handlers), else from the request being rendered (pages, actions).
 */
export async function readSessionClaims(cookieHeader?: string | null): Promise<SessionClaims | null> {
  const jar = await cookieJar(cookieHeader);
  for (const name of COOKIE_NAMES) {
    // Large tokens are split by Auth.js into name.0, name.1, … chunks.
    const token =
      jar.get(name) ??
      [...jar]
        .filter(([cookie]) => cookie.startsWith(`${name}.`))
        .sort(([a], [b]) => Number(a.slice(name.length + 1)) - Number(b.slice(name.length + 1)))
        .map(([, value]) => value)
        .join('');
    if (!token) continue;
    const claims = await decodeClaims(token, name);
    if (claims && claims.expiresAtMs > Date.now()) return { userId: claims.userId, sessionId: claims.sessionId };
  }
  return null;
}
