import 'server-only';
import type { z } from 'zod';
import type { UserId } from '@/lib/auth/user-id';
import { DecryptionError } from '@/lib/crypto/errors';
import { logInfo } from '@/lib/log';
import { callKite, type RetryPolicy } from './call-kite';
import { createKiteClient, type KiteClient } from './client';
import { expireKiteSession, revealKiteSession } from './credentials';
import { KiteError } from './errors';
import type { KiteRateCategory } from './rate-limit';

/** One request on the user's session, through callKite (rate limiter, retries, zod). */
export type UserKiteCall = <S extends z.ZodType>(args: {
  schema: S;
  request: (client: KiteClient) => Promise<unknown>;
  category?: KiteRateCategory;
}) => Promise<z.output<S>>;

/**
 * Runs `work` on the user's own live Kite session. Null when the user has no live session or a
 * call fails at Kite (expired token, errors, timeouts, bad answers after retries), so callers fall
 * back to another, labelled source; a TokenException also marks the stored session expired.
 */
export async function withUserKite<T>(
  options: { userId: UserId; event: string; timeoutMs?: number; retry?: RetryPolicy },
  work: (call: UserKiteCall) => Promise<T>,
): Promise<T | null> {
  const { userId, event, timeoutMs, retry } = options;
  let session;
  try {
    session = await revealKiteSession({ userId });
  } catch (error) {
    // A token sealed under a key that is no longer configured can never be used again: treat the
    // session as expired (the user is asked to reconnect) instead of failing every call for it.
    if (!(error instanceof DecryptionError)) throw error;
    logInfo(event, { userId, problem: 'stored Kite token cannot be decrypted with the configured keys; session expired' });
    await expireKiteSession({ userId });
    return null;
  }
  if (!session) return null;
  const client = createKiteClient({ apiKey: session.apiKey, accessToken: session.accessToken, ...(timeoutMs !== undefined && { timeoutMs }) });
  const call: UserKiteCall = ({ schema, request, category }) =>
    callKite({ apiKey: session.apiKey, schema, request: () => request(client), ...(category !== undefined && { category }), ...(retry !== undefined && { retry }) });
  try {
    return await work(call);
  } catch (error) {
    if (!(error instanceof KiteError)) throw error;
    logInfo(event, { userId, errorType: error.errorType });
    if (error.failure === 'session-expired') await expireKiteSession({ userId });
    return null;
  }
}
