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

/** The ids inside the session cookie, or null when there is none or it does not verify. */
export async function readSessionClaims(): Promise<SessionClaims | null> {
  const jar = await cookies();
  for (const name of COOKIE_NAMES) {
    // Large tokens are split by Auth.js into name.0, name.1, … chunks.
    const token =
      jar.get(name)?.value ??
      jar
        .getAll()
        .filter((cookie) => cookie.name.startsWith(`${name}.`))
        .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)))
        .map((cookie) => cookie.value)
        .join('');
    if (!token) continue;
    const claims = await decodeClaims(token, name);
    if (claims && claims.expiresAtMs > Date.now()) return { userId: claims.userId, sessionId: claims.sessionId };
  }
  return null;
}
