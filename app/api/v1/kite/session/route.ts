import { disconnectKite } from '@/lib/kite/connect';
import { getKiteStatus } from '@/lib/kite/status';
import { otherMethods, withUser } from '@/lib/http/route';

/** Disconnect: ends the session at Kite and deletes the stored access token. */
export const DELETE = withUser({}, async ({ user }) => {
  await disconnectKite({ userId: user.id });
  return { data: await getKiteStatus({ userId: user.id }) };
});

export const { GET, POST, PUT, PATCH } = otherMethods(['DELETE']);
