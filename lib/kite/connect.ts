import 'server-only';
import { z } from 'zod';
import type { UserId } from '@/lib/auth/user-id';
import { logInfo } from '@/lib/log';
import { callKite } from './call-kite';
import { createKiteClient, kiteLoginUrl } from './client';
import { deleteKiteApp, deleteKiteSession, revealKiteApp, revealKiteSession, storeKiteSession } from './credentials';
import { KiteError } from './errors';
import { nextSixAmIst } from './ist';
import { consumeLoginState, createLoginState } from './login-state';
import { KiteSessionSchema } from './schemas';

/** Where "Connect Zerodha" sends the browser, or null when the user has not saved an app yet. */
export async function startKiteConnect({ userId, sessionId }: { userId: UserId; sessionId: string }): Promise<string | null> {
  const app = await revealKiteApp({ userId });
  if (!app) return null;
  const state = await createLoginState({ userId, sessionId, purpose: 'connect' });
  return kiteLoginUrl({ apiKey: app.apiKey, state });
}

export type ConnectOutcome =
  | 'connected'
  | 'cancelled'
  | 'invalid_state'
  | 'missing_params'
  | 'no_app'
  | 'expired_token'
  | 'wrong_secret'
  | 'rejected'
  | 'kite_unavailable';

export const CONNECT_MESSAGES: Record<ConnectOutcome, { tone: 'success' | 'error'; text: string }> = {
  connected: { tone: 'success', text: 'Zerodha is connected. Your portfolio is ready.' },
  cancelled: { tone: 'error', text: 'The Zerodha login was cancelled. Press "Connect Zerodha" to try again.' },
  invalid_state: {
    tone: 'error',
    text: 'That Zerodha login link was not started from this browser session, was already used or has expired. Press "Connect Zerodha" again.',
  },
  missing_params: { tone: 'error', text: 'Zerodha sent us back without a login token. Press "Connect Zerodha" to try again.' },
  no_app: { tone: 'error', text: 'Save your Kite Connect app (api_key and api_secret) first.' },
  expired_token: { tone: 'error', text: 'The Zerodha login token was already used or has expired. Press "Connect Zerodha" again.' },
  wrong_secret: {
    tone: 'error',
    text: 'Zerodha did not accept the api_secret saved for this app. Copy the api_secret again from developers.kite.trade and save the app.',
  },
  rejected: { tone: 'error', text: 'Zerodha refused the login for this app. Check the api_key and that the app is active on developers.kite.trade.' },
  kite_unavailable: { tone: 'error', text: 'Zerodha did not answer in time. Please try connecting again in a minute.' },
};

const CallbackQuerySchema = z.object({
  state: z.string().max(200).optional(),
  status: z.string().max(40).optional(),
  request_token: z.string().max(100).optional(),
});

/** Handles Kite's redirect back to /api/kite/callback for a signed-in user. Never throws for bad input. */
export async function completeKiteConnect({
  userId,
  sessionId,
  query,
  now = new Date(),
}: {
  userId: UserId;
  sessionId: string;
  query: Record<string, unknown>;
  now?: Date;
}): Promise<ConnectOutcome> {
  const parsed = CallbackQuerySchema.safeParse(query);
  if (!parsed.success || !parsed.data.state) return 'invalid_state';
  const { state, status, request_token: requestToken } = parsed.data;
  if (!(await consumeLoginState({ state, userId, sessionId, purpose: 'connect', now }))) return 'invalid_state';
  if (status !== 'success') return 'cancelled';
  if (!requestToken || !/^[A-Za-z0-9]{8,64}$/.test(requestToken)) return 'missing_params';
  const app = await revealKiteApp({ userId });
  if (!app) return 'no_app';
  const client = createKiteClient({ apiKey: app.apiKey });
  try {
    const session = await callKite({
      apiKey: app.apiKey,
      schema: KiteSessionSchema,
      request: () => client.generateSession(requestToken, app.apiSecret),
      // A request token is single use: a retry after a lost answer could only fail.
      retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
    });
    await storeKiteSession({
      userId,
      appId: app.appId,
      accessToken: session.access_token,
      zerodhaUserId: session.user_id,
      zerodhaUserName: session.user_name,
      expiresAt: nextSixAmIst(now),
    });
    logInfo('kite.connected', { userId });
    return 'connected';
  } catch (error) {
    if (!(error instanceof KiteError)) throw error;
    logInfo('kite.connect_failed', { userId, errorType: error.errorType });
    if (error.failure === 'session-expired') return /checksum/i.test(error.kiteMessage) ? 'wrong_secret' : 'expired_token';
    if (error.failure === 'rejected') return 'rejected';
    return 'kite_unavailable';
  }
}

/** Ends the Kite session at Kite (best effort: it may already be dead) and forgets the token. */
export async function disconnectKite({ userId }: { userId: UserId }): Promise<void> {
  const session = await revealKiteSession({ userId });
  if (session) {
    const client = createKiteClient({ apiKey: session.apiKey, accessToken: session.accessToken });
    try {
      await callKite({
        apiKey: session.apiKey,
        schema: z.unknown(),
        request: () => client.invalidateAccessToken(session.accessToken),
        retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
      });
    } catch (error) {
      if (!(error instanceof KiteError)) throw error;
    }
  }
  await deleteKiteSession({ userId });
}

/** Disconnects, then deletes the stored api_key and api_secret. */
export async function removeKiteApp({ userId }: { userId: UserId }): Promise<{ deleted: boolean }> {
  await disconnectKite({ userId });
  return deleteKiteApp({ userId });
}
