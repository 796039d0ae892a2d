import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cachedSession } from '@/lib/auth/session-cache';
import { createSession, findActiveSession } from '@/lib/auth/sessions';
import { dbDriver } from '@/lib/db/client';
import { resetEnvCache } from '@/lib/env';
import { createTestUser } from '../support/users';

// Another server process, or an admin in psql: writes that this process's code never sees.
let other: pg.Client;
beforeAll(async () => {
  other = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await other.connect();
});
// The listener closes with the rest of the database (disconnectDb, in integration-setup).
afterAll(() => other.end());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** A signed-in user whose session this process has checked and now remembers. */
async function rememberedSession() {
  const user = await createTestUser('cached');
  const { id: sessionId } = await createSession({ userId: user.id, userAgent: 'test' });
  const claims = { sessionId, userId: user.id };
  // The first checks start the listener; once it is live, the next check's answer is kept.
  await expect.poll(async () => (await findActiveSession(claims)) !== null && cachedSession(sessionId, user.id) !== undefined, { timeout: 10_000 }).toBe(true);
  return { user, sessionId, claims };
}

describe('the session cache (Postgres)', () => {
  it('answers a remembered session without asking the database', async () => {
    const driver = dbDriver();
    if (driver.kind !== 'postgres') throw new Error('this file runs against Postgres only (see vitest.config.ts)');
    const { user, claims } = await rememberedSession();
    const query = vi.spyOn(driver.pool, 'query');
    expect(await findActiveSession(claims)).toMatchObject({ user: { id: user.id, role: 'USER' } });
    expect(query).not.toHaveBeenCalled();
  });

  it('signs a session out as soon as another process revokes it', async () => {
    const { sessionId, claims } = await rememberedSession();
    await other.query('UPDATE "UserSession" SET "revokedAt" = now() WHERE id = $1', [sessionId]);
    await expect.poll(() => findActiveSession(claims), { timeout: 2_000 }).toBeNull();
  });

  it('forgets a session deleted with its user, and a changed role', async () => {
    const first = await rememberedSession();
    await other.query(`UPDATE "User" SET role = 'ADMIN' WHERE id = $1`, [first.user.id]);
    await expect.poll(async () => (await findActiveSession(first.claims))?.user.role, { timeout: 2_000 }).toBe('ADMIN');
    const second = await rememberedSession();
    await other.query('DELETE FROM "User" WHERE id = $1', [second.user.id]);
    await expect.poll(() => findActiveSession(second.claims), { timeout: 2_000 }).toBeNull();
  });

  it('trusts nothing it remembers once the listener has not been heard from for a few seconds', async () => {
    const { sessionId, user, claims } = await rememberedSession();
    // A change the listener is not told of (triggers off): only the liveness rule can catch it.
    await other.query('ALTER TABLE "UserSession" DISABLE TRIGGER user_session_auth_change');
    try {
      await other.query('UPDATE "UserSession" SET "revokedAt" = now() WHERE id = $1', [sessionId]);
      expect(await findActiveSession(claims)).not.toBeNull();
      // As a frozen serverless instance thawed later: the last heartbeat is now old.
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 6_000 });
      expect(cachedSession(sessionId, user.id)).toBeUndefined();
      expect(await findActiveSession(claims)).toBeNull();
    } finally {
      await other.query('ALTER TABLE "UserSession" ENABLE TRIGGER user_session_auth_change');
    }
  });

  it('asks the database every time with SESSION_CACHE=false', async () => {
    const { sessionId, user } = await rememberedSession();
    process.env.SESSION_CACHE = 'false';
    resetEnvCache();
    try {
      expect(cachedSession(sessionId, user.id)).toBeUndefined();
    } finally {
      delete process.env.SESSION_CACHE;
      resetEnvCache();
    }
    expect(cachedSession(sessionId, user.id)).toBeDefined();
  });

  it('forgets everything when the listening connection is lost, and caches again once it is back', async () => {
    const { sessionId, user } = await rememberedSession();
    const [{ count }] = (await other.query(`SELECT count(pg_terminate_backend(pid))::int AS count FROM pg_stat_activity WHERE application_name = 'tradedeck-listen-tradedeck_auth' AND datname = current_database()`)).rows;
    expect(count).toBe(1);
    await expect.poll(() => cachedSession(sessionId, user.id), { timeout: 2_000 }).toBeUndefined();
    // Notifications sent while it was away are lost: what it knew before must not come back with it.
    await rememberedSession();
    expect(cachedSession(sessionId, user.id)).toBeUndefined();
  });
});
