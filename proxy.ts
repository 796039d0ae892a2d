import { NextResponse, type NextRequest } from 'next/server';

// The gate for pages: a visitor without a session cookie goes to sign-in and comes back after.
// Whether a session is valid and not revoked is decided by lib/auth on every request that needs a
// user. API routes are not matched: each one authenticates through withUser/withPublic (a test
// checks that every route does), and running the proxy on them as well cost about 30% of the
// throughput of GET /api/v1/me in bench:http.
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];
const PUBLIC_PAGES = new Set(['/', '/sign-in', '/sign-up']);

function hasSessionCookie(request: NextRequest): boolean {
  // Auth.js splits large tokens into .0, .1 … chunks.
  return request.cookies.getAll().some(({ name }) => SESSION_COOKIES.some((base) => name === base || name.startsWith(`${base}.`)));
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!PUBLIC_PAGES.has(pathname) && !hasSessionCookie(request)) {
    const signIn = new URL('/sign-in', request.url);
    signIn.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  // Pages read this to send a user whose session was revoked back to where they were.
  const headers = new Headers(request.headers);
  headers.set('x-tradedeck-path', `${pathname}${search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)'],
};
