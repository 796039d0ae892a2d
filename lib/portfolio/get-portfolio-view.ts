import 'server-only';
import type { UserId } from '@/lib/auth/user-id';
import { callKite } from '@/lib/kite/call-kite';
import { createKiteClient } from '@/lib/kite/client';
import { expireKiteSession, revealKiteSession } from '@/lib/kite/credentials';
import { AppError } from '@/lib/errors';
import { KiteError } from '@/lib/kite/errors';
import { getKiteStatus } from '@/lib/kite/status';
import { logInfo } from '@/lib/log';
import { KIND_SPECS, type PortfolioKind } from './kinds';
import { readSnapshot, saveSnapshot } from './snapshots';

export type PortfolioView = {
  kind: PortfolioKind;
  /** live: fetched from Zerodha just now; snapshot: the last good copy; none: nothing yet. */
  source: 'live' | 'snapshot' | 'none';
  fetched_at: string | null;
  /** Why this is not live, in words for the user (null when live). */
  notice: string | null;
  /** not_linked: no Kite app; expired: reconnect needed; unavailable: Kite failed; live: fine. */
  kite: 'live' | 'expired' | 'not_connected' | 'not_linked' | 'unavailable';
  data: unknown;
};

const NOTICES = {
  not_linked: 'Link your Kite Connect app in Settings → Zerodha to see your portfolio.',
  not_connected: 'Connect Zerodha to fetch your portfolio.',
  expired: 'Your Zerodha session has expired (Kite ends every session at 6 AM IST). Reconnect Zerodha to refresh.',
  unavailable: 'Zerodha is not answering right now.',
} as const;

async function fromSnapshot(userId: UserId, kind: PortfolioKind, kite: Exclude<PortfolioView['kite'], 'live'>, notice: string): Promise<PortfolioView> {
  const snapshot = await readSnapshot({ userId, kind });
  if (!snapshot) return { kind, source: 'none', fetched_at: null, notice, kite, data: null };
  return { kind, source: 'snapshot', fetched_at: snapshot.fetchedAt.toISOString(), notice: `${notice} Showing the last snapshot.`, kite, data: snapshot.payload };
}

/**
 * One portfolio view: live from Kite when the session is alive, else (expired token, Kite slow or
 * down, malformed answer) the last snapshot, dated, with the reason. Never throws for Kite trouble.
 */
export async function getPortfolioView({ userId, kind }: { userId: UserId; kind: PortfolioKind }): Promise<PortfolioView> {
  const session = await revealKiteSession({ userId });
  if (!session) {
    const status = await getKiteStatus({ userId });
    if (!status.linked) return fromSnapshot(userId, kind, 'not_linked', NOTICES.not_linked);
    return fromSnapshot(userId, kind, status.session === 'expired' ? 'expired' : 'not_connected', status.session === 'expired' ? NOTICES.expired : NOTICES.not_connected);
  }
  const client = createKiteClient({ apiKey: session.apiKey, accessToken: session.accessToken });
  const spec = KIND_SPECS[kind];
  try {
    const data = await callKite({ apiKey: session.apiKey, schema: spec.schema, request: () => spec.fetch(client) });
    const fetchedAt = new Date();
    await saveSnapshot({ userId, kind, payload: data, fetchedAt });
    return { kind, source: 'live', fetched_at: fetchedAt.toISOString(), notice: null, kite: 'live', data };
  } catch (error) {
    // Our own limiter's queue is full: the same as Kite being busy, show the snapshot.
    if (error instanceof AppError && error.code === 'rate_limited') return fromSnapshot(userId, kind, 'unavailable', 'Too many Zerodha requests right now.');
    if (!(error instanceof KiteError)) throw error;
    logInfo('kite.portfolio_failed', { userId, kind, errorType: error.errorType, failure: error.failure });
    if (error.failure === 'session-expired') {
      await expireKiteSession({ userId });
      return fromSnapshot(userId, kind, 'expired', NOTICES.expired);
    }
    return fromSnapshot(userId, kind, 'unavailable', NOTICES.unavailable);
  }
}
