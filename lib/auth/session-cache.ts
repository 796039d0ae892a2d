import 'server-only';
import { dbMode } from '@/lib/db/client';
import { listen, type Listener } from '@/lib/db/listen';
import { getEnv } from '@/lib/env';

// Every authenticated request asks whether its session is still alive. On Postgres the answer is
// kept in memory and forgotten the moment the database says it changed: triggers on UserSession
// and User notify 'tradedeck_auth' (migration 20261204050000), and a listener of this process
// drops the entry. Nothing is served from memory unless that listener is live (lib/db/listen.ts),
// so a missed notification can never keep a revoked session signed in; entries also age out.
// The embedded database is one in-process instance where the query costs no round trip: no cache.

export type CachedSession = {
  sessionId: string;
  userId: string;
  email: string;
  name: string;
  role: 'USER' | 'ADMIN';
  lastSeenAtMs: number;
  expiresAtMs: number;
};

const MAX_ENTRIES = 10_000;
const MAX_AGE_MS = 5 * 60 * 1000;

type Entry = CachedSession & { cachedAtMs: number };
const entries = new Map<string, Entry>();
// Bumped by every change notification and every reset: an answer read from the database before a
// bump may predate the change, so it is not remembered.
let generation = 0;
let listener: Listener | null = null;

function forget(payload: string): void {
  generation += 1;
  const [kind, id] = [payload.slice(0, 2), payload.slice(2)];
  if (kind === 's:') {
    entries.delete(id);
  } else if (kind === 'u:') {
    for (const [key, entry] of entries) if (entry.userId === id) entries.delete(key);
  } else {
    entries.clear();
  }
}

function reset(): void {
  generation += 1;
  entries.clear();
}

function ensureListening(): boolean {
  if (dbMode() !== 'postgres') return false;
  const { DATABASE_URL: url, SESSION_CACHE: enabled } = getEnv();
  if (!url || !enabled) return false;
  if (listener === null || listener.closed()) listener = listen(url, 'tradedeck_auth', forget, reset);
  return listener.live();
}

/** The remembered session, if it may be trusted now; undefined means ask the database. */
export function cachedSession(sessionId: string, userId: string): CachedSession | undefined {
  if (!ensureListening()) return undefined;
  const entry = entries.get(sessionId);
  if (!entry) return undefined;
  const now = Date.now();
  if (entry.userId !== userId || entry.expiresAtMs <= now || now - entry.cachedAtMs > MAX_AGE_MS) {
    entries.delete(sessionId);
    return undefined;
  }
  return entry;
}

/** Marks the moment before a database read whose answer may be remembered. */
export function sessionCacheGeneration(): number {
  return generation;
}

/** Remembers what the database said, unless something changed since `readAt` was taken. */
export function rememberSession(session: CachedSession, readAt: number): void {
  if (readAt !== generation || listener === null || !listener.live()) return;
  if (entries.size >= MAX_ENTRIES) {
    const oldest = entries.keys().next();
    if (!oldest.done) entries.delete(oldest.value);
  }
  entries.set(session.sessionId, { ...session, cachedAtMs: Date.now() });
}

/** After writing lastSeenAt: keeps the entry from asking for another write on the next request. */
export function touchCachedSession(sessionId: string, lastSeenAtMs: number): void {
  const entry = entries.get(sessionId);
  if (entry) entry.lastSeenAtMs = lastSeenAtMs;
}

/**
 * For this process's own writes: forgotten at once, before the notification comes back, so the
 * request after a sign-out here can never be answered from memory. (Other processes hear it.)
 */
export function forgetSession(sessionId: string): void {
  forget(`s:${sessionId}`);
}

export function forgetUser(userId: string): void {
  forget(`u:${userId}`);
}
