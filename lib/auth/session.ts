import 'server-only';
import { cache } from 'react';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { readSessionClaims } from '@/lib/auth/read-session-token';
import { findActiveSession } from '@/lib/auth/sessions';
import { trustedUserId, type UserId } from '@/lib/auth/user-id';

export type CurrentUser = { id: UserId; email: string; name: string; role: 'USER' | 'ADMIN'; sessionId: string };

/**
 * The signed-in user, or null. A revoked or expired session counts as signed out. Cached per
 * request. Route handlers pass their request (its Cookie header is read directly).
 */
export const getCurrentUser = cache(async (request?: Request): Promise<CurrentUser | null> => {
  const claims = await readSessionClaims(request === undefined ? undefined : request.headers.get('cookie'));
  if (!claims) return null;
  const active = await findActiveSession(claims);
  if (!active) return null;
  return { ...active.user, id: trustedUserId(active.user.id), sessionId: active.sessionId };
});

/** For pages: the user, or a redirect to sign-in that comes back here afterwards. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (user) return user;
  const path = (await headers()).get('x-tradedeck-path') ?? '/dashboard';
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
}
