import { NextResponse, type NextRequest } from 'next/server';

// Only a cheap gate: is there a session cookie at all? Whether the session is valid and not
// revoked is decided by lib/auth on every request that needs a user.
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

const PUBLIC_PAGES = new Set(['/', '/sign-in', '/sign-up']);
const PUBLIC_API_PREFIXES = ['/api/auth/', '/api/health', '/api/v1/auth/register'];

function hasSessionCookie(request: NextRequest): boolean {
  // Auth.js splits large tokens into .0, .1 … chunks.
  return request.cookies.getAll().some(({ name }) => SESSION_COOKIES.some((base) => name === base || name.startsWith(`${base}.`)));
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith('/api/');

  if (isApi) {
    if (PUBLIC_API_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(prefix))) return NextResponse.next();
    if (hasSessionCookie(request)) return NextResponse.next();
    return NextResponse.json(
      { error: { code: 'unauthenticated', message: 'Sign in to continue.' } },
      { status: 401, headers: { 'cache-control': 'no-store' } },
    );
  }

  if (!PUBLIC_PAGES.has(pathname) && !hasSessionCookie(request)) {
    const signIn = new URL('/sign-in', request.url);
    signIn.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }

  // Pages read this to send a user with a revoked session back to where they were.
  const headers = new Headers(request.headers);
  headers.set('x-tradedeck-path', `${pathname}${search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)'],
};
