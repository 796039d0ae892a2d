import { startKiteConnect } from '@/lib/kite/connect';
import { otherMethods, withUser } from '@/lib/http/route';

export const GET = withUser({}, async ({ user }) => {
  const target = await startKiteConnect({ userId: user.id, sessionId: user.sessionId });
  const location = target ?? '/settings?kite=no_app#zerodha';
  return new Response(null, { status: 302, headers: { location, 'cache-control': 'no-store' } });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
