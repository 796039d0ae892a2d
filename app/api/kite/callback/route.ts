import { getCurrentUser } from '@/lib/auth/session';
import { signIn } from '@/lib/auth/config';
import { completeKiteConnect } from '@/lib/kite/connect';
import { completeZerodhaSignIn, SIGN_IN_NONCE_COOKIE } from '@/lib/kite/zerodha-sign-in';
import { otherMethods, withPublic } from '@/lib/http/route';

function cookieValue(header: string | null, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

// Public because Kite's redirect serves two flows: linking Kite to the signed-in user, and Login
// with Zerodha (no session yet, the browser holds a nonce cookie). Identity only ever comes from
// the session cookie or from Kite's checksum-verified session exchange.
export const GET = withPublic({}, async ({ request }) => {
  const url = new URL(request.url);
  const query = Object.fromEntries(url.searchParams);
  const headers = (location: string, extra: Record<string, string> = {}) => ({ location, 'cache-control': 'no-store', ...extra });
  // Relative: behind a proxy or on 0.0.0.0, request.url's origin is not the one the browser used.
  const redirect = (location: string, extra?: Record<string, string>) => new Response(null, { status: 302, headers: headers(location, extra) });
  const user = await getCurrentUser();
  if (user) {
    const outcome = await completeKiteConnect({ userId: user.id, sessionId: user.sessionId, query });
    return redirect(`/settings?kite=${outcome}#zerodha`);
  }
  const nonce = cookieValue(request.headers.get('cookie'), SIGN_IN_NONCE_COOKIE);
  if (!nonce) return redirect(`/sign-in?callbackUrl=${encodeURIComponent('/settings#zerodha')}`);
  const clear = { 'set-cookie': `${SIGN_IN_NONCE_COOKIE}=; Path=/api/kite; Max-Age=0; HttpOnly; SameSite=Lax` };
  const result = await completeZerodhaSignIn({ nonce, query });
  if (!result.ok) return redirect(`/sign-in?kite=${result.outcome}`, clear);
  // Auth.js sets its session cookie on this response through next/headers.
  await signIn('zerodha', { ticket: result.ticket, redirect: false });
  return redirect('/dashboard', clear);
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
