import 'server-only';
import type { UserId } from '@/lib/auth/user-id';
import { withUserTx } from '@/lib/db/rls';

export type KiteStatus = {
  linked: boolean;
  /** The api_key with all but its first and last 4 characters hidden. */
  api_key_masked: string | null;
  connected: boolean;
  session: 'live' | 'expired' | 'none';
  zerodha_user_id: string | null;
  zerodha_user_name: string | null;
  expires_at: string | null;
  last_sync_at: string | null;
};

export function maskApiKey(apiKey: string): string {
  if (apiKey.length <= 8) return `${apiKey.slice(0, 2)}${'•'.repeat(Math.max(apiKey.length - 2, 1))}`;
  return `${apiKey.slice(0, 4)}${'•'.repeat(apiKey.length - 8)}${apiKey.slice(-4)}`;
}

export async function getKiteStatus({ userId, now = new Date() }: { userId: UserId; now?: Date }): Promise<KiteStatus> {
  const { app, session } = await withUserTx(userId, async (tx) => ({
    app: await tx.kiteApp.findUnique({ where: { userId }, select: { apiKey: true } }),
    session: await tx.kiteSession.findUnique({
      where: { userId },
      select: { zerodhaUserId: true, zerodhaUserName: true, expiresAt: true, lastSyncAt: true },
    }),
  }));
  const live = Boolean(session && session.expiresAt > now);
  return {
    linked: Boolean(app),
    api_key_masked: app ? maskApiKey(app.apiKey) : null,
    connected: live,
    session: session ? (live ? 'live' : 'expired') : 'none',
    zerodha_user_id: session?.zerodhaUserId ?? null,
    zerodha_user_name: session?.zerodhaUserName ?? null,
    expires_at: session?.expiresAt.toISOString() ?? null,
    last_sync_at: session?.lastSyncAt?.toISOString() ?? null,
  };
}
