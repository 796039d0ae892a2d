import 'server-only';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';

export type KiteRateCategory = 'quote' | 'historical' | 'other';

/** Kite's per-api_key limits in requests per second (docs: exceptions → API rate limit). */
export const KITE_RATE_LIMITS: Record<KiteRateCategory, number> = { quote: 1, historical: 3, other: 10 };

// Kite counts over a sliding second; spacing requests 20% wider than 1/limit keeps any one-second
// window under the limit even when network latency bunches two requests together.
const SAFETY = 1.2;
const MAX_WAIT_MS = 15_000;
// A request that wakes this much after its slot (a stalled event loop, a long GC pause) would go out
// together with the ones reserved after it. Sent within 50 ms of their slots, requests stay under
// every limit above (at most 9 in any second at 10/s, 3 at 3/s, 1 at 1/s).
const LATE_TOLERANCE_MS = 50;

/**
 * Reserves the next free slot for this api_key and category and waits for it. The schedule lives in
 * one RateLimitBucket row updated in a single statement, so concurrent requests, in this process or
 * on other server instances, each get a distinct slot and together never exceed Kite's rate. A
 * request that wakes too late for its slot reserves a new one rather than bunch up with later ones.
 */
export async function acquireKiteSlot({ apiKey, category }: { apiKey: string; category: KiteRateCategory }): Promise<void> {
  const spacingMs = Math.ceil((1000 / KITE_RATE_LIMITS[category]) * SAFETY);
  const key = `kite:${category}:${apiKey}`;
  const giveUpAt = Date.now() + MAX_WAIT_MS;
  for (;;) {
    const waitMs = await reserveSlot(key, spacingMs);
    const due = Date.now() + Math.max(0, waitMs);
    if (due > giveUpAt) {
      throw new AppError('rate_limited', 'Too many Zerodha requests at once. Please wait a few seconds and try again.', undefined, Math.ceil((due - Date.now()) / 1000));
    }
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
    if (Date.now() - due <= LATE_TOLERANCE_MS) return;
  }
}

/** Takes the next slot of the schedule; how long until it starts, in ms (≤ 0: now). */
async function reserveSlot(key: string, spacingMs: number): Promise<number> {
  const rows = await db().$queryRaw<{ slot: Date; now: Date }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count", "expiresAt")
    VALUES (${key}, now(), 1, now() + make_interval(secs => ${spacingMs / 1000}))
    ON CONFLICT ("key") DO UPDATE SET
      "windowStart" = GREATEST("RateLimitBucket"."windowStart" + make_interval(secs => ${spacingMs / 1000}), now()),
      "count" = "RateLimitBucket"."count" + 1,
      "expiresAt" = GREATEST("RateLimitBucket"."windowStart" + make_interval(secs => ${spacingMs / 1000}), now())
        + make_interval(secs => ${spacingMs / 1000})
    RETURNING "windowStart" AS "slot", now() AS "now"`;
  const row = rows[0];
  if (!row) throw new Error('rate limit reservation returned no row');
  return new Date(row.slot).getTime() - new Date(row.now).getTime();
}
