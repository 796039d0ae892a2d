import 'server-only';
import type { UserId } from '@/lib/auth/user-id';
import { AppError } from '@/lib/errors';
import type { RetryPolicy } from '@/lib/kite/call-kite';
import { type UserKiteCall, withUserKite } from '@/lib/kite/user-kite';
import { logInfo } from '@/lib/log';

/** Per request: Kite's margin and charges answers are small, so a few seconds is plenty. */
export const LIVE_KITE_TIMEOUT_MS = 3_000;

/** The order ticket and placement wait for Kite once, then fall back to the estimate. */
export const ONE_ATTEMPT: RetryPolicy = { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 };
/** Adopting Kite's charges after fills runs in the background and may retry once. */
export const TWO_ATTEMPTS: RetryPolicy = { attempts: 2, baseDelayMs: 200, maxDelayMs: 500 };

/**
 * Work on the user's live Kite session with the paper account's short timeout. Null when there is
 * no live session, Kite fails or times out, or our own Kite rate limit would make the caller wait
 * too long: the caller then uses its estimate. Never throws for those.
 */
export async function withLiveKite<T>(
  options: { userId: UserId; event: string; retry: RetryPolicy },
  work: (call: UserKiteCall) => Promise<T>,
): Promise<T | null> {
  try {
    return await withUserKite({ ...options, timeoutMs: LIVE_KITE_TIMEOUT_MS }, work);
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'rate_limited')) throw error;
    logInfo(options.event, { userId: options.userId, errorType: 'rate_limited' });
    return null;
  }
}
