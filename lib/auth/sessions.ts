import 'server-only';
import { db } from '@/lib/db/client';
import { systemSql } from '@/lib/db/user-sql';
import { cachedSession, forgetSession, forgetUser, rememberSession, sessionCacheGeneration, touchCachedSession, type CachedSession } from '@/lib/auth/session-cache';
import type { UserId } from '@/lib/auth/user-id';

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
// lastSeenAt is refreshed at most this often, so reads do not turn into writes on every request.
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function createSession({ userId, userAgent }: { userId: string; userAgent: string | null }) {
  return db().userSession.create({
    data: {
      userId,
      userAgent: userAgent?.slice(0, 300) ?? null,
      expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
    },
    select: { id: true },
  });
}

export type ActiveSession = {
  sessionId: string;
  user: { id: string; email: string; name: string; role: 'USER' | 'ADMIN' };
};

/** The session only counts while its row exists, is not revoked and has not expired. */
export async function findActiveSession({ sessionId, userId }: { sessionId: string; userId: string }): Promise<ActiveSession | null> {
  if (!UUID.test(sessionId) || !UUID.test(userId)) return null;
  const session = cachedSession(sessionId, userId) ?? (await readActiveSession(sessionId, userId));
  if (!session) return null;
  const now = Date.now();
  if (now - session.lastSeenAtMs > TOUCH_INTERVAL_MS) {
    await db().userSession.updateMany({ where: { id: sessionId, userId }, data: { lastSeenAt: new Date(now) } });
    touchCachedSession(sessionId, now);
  }
  return { sessionId, user: { id: userId, email: session.email, name: session.name, role: session.role } };
}

async function readActiveSession(sessionId: string, userId: string): Promise<CachedSession | null> {
  const readAt = sessionCacheGeneration();
  // One round trip on the hottest path of the app (every authenticated request it cannot answer from memory).
  const rows = await systemSql().query<{ lastSeenAt: Date; expiresAt: Date; email: string; name: string; role: 'USER' | 'ADMIN' }>(
    `SELECT s."lastSeenAt", s."expiresAt", u."email", u."name", u."role"::text AS "role"
     FROM "UserSession" s JOIN "User" u ON u."id" = s."userId"
     WHERE s."id" = $1::uuid AND s."userId" = $2::uuid AND s."revokedAt" IS NULL AND s."expiresAt" > now()`,
    [sessionId, userId],
  );
  const row = rows[0];
  if (!row) return null;
  const session = { sessionId, userId, email: row.email, name: row.name, role: row.role, lastSeenAtMs: row.lastSeenAt.getTime(), expiresAtMs: row.expiresAt.getTime() };
  rememberSession(session, readAt);
  return session;
}

export async function revokeSession({ sessionId, userId }: { sessionId: string; userId: string }): Promise<void> {
  await db().userSession.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  forgetSession(sessionId);
}

export async function revokeAllSessions({ userId }: { userId: UserId }): Promise<number> {
  const result = await db().userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  forgetUser(userId);
  return result.count;
}

export async function listSessions({ userId }: { userId: UserId }) {
  return db().userSession.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, userAgent: true, createdAt: true, lastSeenAt: true },
    orderBy: { lastSeenAt: 'desc' },
  });
}
