import 'server-only';
import type { z } from 'zod';
import { isKiteErrorBody, KiteError, toKiteError } from './errors';
import { restoreIstStrings } from './ist';
import { acquireKiteSlot, type KiteRateCategory } from './rate-limit';

export type RetryPolicy = { attempts: number; baseDelayMs: number; maxDelayMs: number };
export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 300, maxDelayMs: 2_000 };

/** Exponential backoff with full jitter, so many clients retrying after one outage do not stampede. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Every Kite request goes through here: the shared rate limiter, retries (429, 5xx, network errors,
 * timeouts and unreadable bodies; never TokenException or Kite refusing the input), the client's IST
 * Dates restored to Kite's strings, and the answer parsed with zod so a malformed body is a clear
 * failure rather than bad data on a page.
 */
export async function callKite<S extends z.ZodType>({
  apiKey,
  category = 'other',
  schema,
  request,
  retry = DEFAULT_RETRY,
}: {
  apiKey: string;
  category?: KiteRateCategory;
  schema: S;
  request: () => Promise<unknown>;
  retry?: RetryPolicy;
}): Promise<z.output<S>> {
  let last: KiteError | undefined;
  for (let attempt = 0; attempt < retry.attempts; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt - 1, retry)));
    await acquireKiteSlot({ apiKey, category });
    try {
      const raw = await request();
      // kiteconnect resolves (not rejects) non-JSON 2xx answers with a DataException body.
      if (isKiteErrorBody(raw)) throw toKiteError(raw);
      const parsed = schema.safeParse(restoreIstStrings(raw));
      if (!parsed.success) throw new KiteError('unavailable', 'DataException', 'Kite sent a response in an unexpected format.');
      return parsed.data;
    } catch (error) {
      last = toKiteError(error);
      if (last.failure !== 'unavailable') throw last;
    }
  }
  throw last ?? new KiteError('unavailable', 'GeneralException', 'No answer from Kite');
}
