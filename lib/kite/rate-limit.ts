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

/**
 * Reserves the next free slot for this api_key and category and waits for it. The schedule lives in
 * one RateLimitBucket row updated in a single statement, so concurrent requests, in this process or
 * on other server instances, each get a distinct slot and together never exceed Kite's rate.
 */
export async function acquireKiteSlot({ apiKey, category }: { apiKey: string; category: KiteRateCategory }): Promise<void> {
  const spacingMs = Math.ceil((1000 / KITE_RATE_LIMITS[category]) * SAFETY);
  const key = `kite:${category}:${apiKey}`;
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
  const waitMs = new Date(row.slot).getTime() - new Date(row.now).getTime();
  if (waitMs > MAX_WAIT_MS) {
    throw new AppError('rate_limited', 'Too many Zerodha requests at once. Please wait a few seconds and try again.', undefined, Math.ceil(waitMs / 1000));
  }
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
}
