import { otherMethods, withPublic } from '@/lib/http/route';
import { SIGN_IN_NONCE_COOKIE, startZerodhaSignIn } from '@/lib/kite/zerodha-sign-in';

/** "Login with Zerodha": to Kite's login page with a state bound to this browser by an HttpOnly nonce. */
export const GET = withPublic({}, async ({ request }) => {
  const started = await startZerodhaSignIn();
  if (!started) return new Response(null, { status: 302, headers: { location: '/sign-in?kite=not_configured', 'cache-control': 'no-store' } });
  const secure = new URL(request.url).protocol === 'https:' ? '; Secure' : '';
  return new Response(null, {
    status: 302,
    headers: {
      location: started.url,
      'cache-control': 'no-store',
      // Lax: the cookie must come back on Kite's top-level redirect to our callback.
      'set-cookie': `${SIGN_IN_NONCE_COOKIE}=${started.nonce}; Path=/api/kite; Max-Age=600; HttpOnly; SameSite=Lax${secure}`,
    },
  });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
