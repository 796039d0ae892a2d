import 'server-only';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { createSession } from '@/lib/auth/sessions';
import { db } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { logInfo } from '@/lib/log';
import { callKite } from './call-kite';
import { createKiteClient, kiteLoginUrl } from './client';
import { KiteError } from './errors';
import { consumeLoginState, createLoginState, redeemTicket } from './login-state';
import { KiteSessionSchema } from './schemas';

/** The operator's platform app (KITE_API_KEY / KITE_API_SECRET), which powers "Login with Zerodha". */
export function platformKiteApp(): { apiKey: string; apiSecret: string } | null {
  const env = getEnv();
  return env.KITE_API_KEY && env.KITE_API_SECRET ? { apiKey: env.KITE_API_KEY, apiSecret: env.KITE_API_SECRET } : null;
}

export function zerodhaSignInEnabled(): boolean {
  return platformKiteApp() !== null;
}

export const SIGN_IN_NONCE_COOKIE = 'td_kite_signin';

/**
 * Starts Login with Zerodha. There is no app session yet, so the state is bound to a random nonce
 * that the caller puts in an HttpOnly cookie; the callback must present both.
 */
export async function startZerodhaSignIn(): Promise<{ url: string; nonce: string } | null> {
  const app = platformKiteApp();
  if (!app) return null;
  const nonce = randomUUID();
  const state = await createLoginState({ userId: null, sessionId: nonce, purpose: 'sign-in' });
  return { url: kiteLoginUrl({ apiKey: app.apiKey, state }), nonce };
}

export type SignInOutcome = 'cancelled' | 'invalid_state' | 'missing_params' | 'expired_token' | 'not_configured' | 'kite_unavailable';

export const SIGN_IN_MESSAGES: Record<SignInOutcome, string> = {
  cancelled: 'The Zerodha login was cancelled.',
  invalid_state: 'That Zerodha login link was not started from this browser, was already used or has expired. Try again.',
  missing_params: 'Zerodha sent us back without a login token. Try again.',
  expired_token: 'The Zerodha login token was already used or has expired. Try again.',
  not_configured: 'Login with Zerodha is not available on this server.',
  kite_unavailable: 'Zerodha did not answer in time. Please try again in a minute.',
};

const QuerySchema = z.object({ state: z.string().max(200), status: z.string().max(40).optional(), request_token: z.string().max(100).optional() });

async function findOrCreateZerodhaUser(profile: { userId: string; userName: string; email: string | null }): Promise<string> {
  // Linked by the Zerodha user id that Kite's checksum-verified session exchange returned; an
  // existing account with the same email is never taken over.
  const existing = await db().user.findUnique({ where: { zerodhaUserId: profile.userId }, select: { id: true } });
  if (existing) return existing.id;
  const emailFree = profile.email !== null && (await db().user.count({ where: { email: profile.email } })) === 0;
  const email = emailFree && profile.email ? profile.email : `${profile.userId.toLowerCase()}@zerodha.invalid`;
  try {
    const created = await db().user.create({ data: { email, name: profile.userName || profile.userId, zerodhaUserId: profile.userId }, select: { id: true } });
    return created.id;
  } catch {
    // A concurrent first sign-in of the same Zerodha user won the unique index: use that account.
    const raced = await db().user.findUnique({ where: { zerodhaUserId: profile.userId }, select: { id: true } });
    if (!raced) throw new Error('could not create the Zerodha user');
    return raced.id;
  }
}

/** Verifies Kite's redirect for Login with Zerodha and returns a one-time ticket for Auth.js. */
export async function completeZerodhaSignIn({
  nonce,
  query,
}: {
  nonce: string;
  query: Record<string, unknown>;
}): Promise<{ ok: true; ticket: string } | { ok: false; outcome: SignInOutcome }> {
  const app = platformKiteApp();
  if (!app) return { ok: false, outcome: 'not_configured' };
  const parsed = QuerySchema.safeParse(query);
  if (!parsed.success || !z.uuid().safeParse(nonce).success) return { ok: false, outcome: 'invalid_state' };
  if (!(await consumeLoginState({ state: parsed.data.state, userId: null, sessionId: nonce, purpose: 'sign-in' }))) return { ok: false, outcome: 'invalid_state' };
  if (parsed.data.status !== 'success') return { ok: false, outcome: 'cancelled' };
  const requestToken = parsed.data.request_token;
  if (!requestToken || !/^[A-Za-z0-9]{8,64}$/.test(requestToken)) return { ok: false, outcome: 'missing_params' };
  const client = createKiteClient({ apiKey: app.apiKey });
  try {
    const session = await callKite({
      apiKey: app.apiKey,
      schema: KiteSessionSchema.extend({ email: z.string().nullable().optional() }),
      request: () => client.generateSession(requestToken, app.apiSecret),
      retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
    });
    const email = session.email && z.email().safeParse(session.email).success ? session.email.toLowerCase() : null;
    const userId = await findOrCreateZerodhaUser({ userId: session.user_id, userName: session.user_name, email });
    const ticket = await createLoginState({ userId, sessionId: null, purpose: 'ticket' });
    logInfo('kite.zerodha_sign_in', { userId });
    return { ok: true, ticket };
  } catch (error) {
    if (!(error instanceof KiteError)) throw error;
    return { ok: false, outcome: error.failure === 'session-expired' ? 'expired_token' : 'kite_unavailable' };
  }
}

/** For the Auth.js provider: redeem the ticket and open an app session (revocable like any other). */
export async function signInWithTicket({ ticket, userAgent }: { ticket: string; userAgent: string | null }) {
  const userId = await redeemTicket({ ticket });
  if (!userId) return null;
  const user = await db().user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true } });
  if (!user) return null;
  const session = await createSession({ userId: user.id, userAgent });
  return { ...user, sessionId: session.id };
}
