import 'server-only';
import { db } from '@/lib/db/client';

export type WindowState = { count: number; resetAt: Date };

/**
 * Counts one event in a fixed window shared through the database, so every server instance sees
 * the same count. One statement, so concurrent hits never lose an increment.
 */
export async function hitWindow({ key, windowMs }: { key: string; windowMs: number }): Promise<WindowState> {
  const rows = await db().$queryRaw<{ count: number; expiresAt: Date }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count", "expiresAt")
    VALUES (${key}, now(), 1, now() + make_interval(secs => ${windowMs / 1000}))
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."expiresAt" <= now() THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."expiresAt" <= now() THEN now() ELSE "RateLimitBucket"."windowStart" END,
      "expiresAt" = CASE WHEN "RateLimitBucket"."expiresAt" <= now()
        THEN now() + make_interval(secs => ${windowMs / 1000}) ELSE "RateLimitBucket"."expiresAt" END
    RETURNING "count", "expiresAt"`;
  const row = rows[0];
  if (!row) throw new Error('rate limit upsert returned no row');
  return { count: Number(row.count), resetAt: row.expiresAt };
}

/** The current count without counting anything (0 once the window has passed). */
export async function peekWindow({ key }: { key: string }): Promise<WindowState> {
  const row = await db().rateLimitBucket.findUnique({ where: { key } });
  if (!row || row.expiresAt <= new Date()) return { count: 0, resetAt: new Date() };
  return { count: row.count, resetAt: row.expiresAt };
}

export async function clearWindow({ key }: { key: string }): Promise<void> {
  await db().rateLimitBucket.deleteMany({ where: { key } });
}
