import 'server-only';
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getAuthSecret } from '@/lib/auth/secret';
import { clientIp } from '@/lib/auth/client-ip';
import { revokeSession, SESSION_MAX_AGE_SECONDS } from '@/lib/auth/sessions';
import { verifyCredentials } from '@/lib/auth/verify-credentials';
import { signInWithTicket, zerodhaSignInEnabled } from '@/lib/kite/zerodha-sign-in';

class InvalidCredentials extends CredentialsSignin {
  override code = 'invalid_credentials';
}
class TooManyAttempts extends CredentialsSignin {
  override code = 'rate_limited';
}

/**
 * Login with Zerodha: /api/kite/callback verifies Kite's redirect (checksum-verified session
 * exchange with the platform app) and hands over a single-use ticket; this provider redeems it.
 * Only present when the operator configured KITE_API_KEY and KITE_API_SECRET.
 */
function zerodhaProvider() {
  return Credentials({
    id: 'zerodha',
    name: 'Zerodha',
    credentials: { ticket: { type: 'text' } },
    async authorize(credentials, request) {
      const ticket = typeof credentials.ticket === 'string' ? credentials.ticket : '';
      const user = await signInWithTicket({ ticket, userAgent: request.headers.get('user-agent') });
      if (!user) throw new InvalidCredentials();
      return user;
    },
  });
}

declare module 'next-auth' {
  interface User {
    sessionId?: string;
  }
  interface Session {
    sessionId?: string;
  }
}

function config(): NextAuthConfig {
  return {
    secret: getAuthSecret(),
    trustHost: true,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    logger: {
      // Auth.js logs failed sign-ins as errors with the thrown class; they are expected here.
      error(error) {
        if (error instanceof CredentialsSignin) return;
        console.error(JSON.stringify({ level: 'error', context: 'auth', name: error.name, message: error.message }));
      },
      warn() {},
      debug() {},
    },
    providers: [
      Credentials({
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, request) {
          const result = await verifyCredentials({
            credentials,
            ip: clientIp(request.headers),
            userAgent: request.headers.get('user-agent'),
          });
          if (result.ok) return { ...result.user, sessionId: result.sessionId };
          throw result.reason === 'rate_limited' ? new TooManyAttempts() : new InvalidCredentials();
        },
      }),
      ...(zerodhaSignInEnabled() ? [zerodhaProvider()] : []),
    ],
    callbacks: {
      jwt({ token, user }) {
        // The token carries only ids; whether the session is still alive is checked in the database.
        if (user?.sessionId) token.sid = user.sessionId;
        return token;
      },
      session({ session, token }) {
        return {
          ...session,
          sessionId: typeof token.sid === 'string' ? token.sid : undefined,
          user: { ...session.user, id: token.sub ?? '' },
        };
      },
    },
    events: {
      async signOut(message) {
        const token = 'token' in message ? message.token : null;
        if (token && typeof token.sid === 'string' && typeof token.sub === 'string') {
          await revokeSession({ sessionId: token.sid, userId: token.sub });
        }
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => config());
