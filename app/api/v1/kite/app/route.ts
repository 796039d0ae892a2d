import { saveKiteApp } from '@/lib/kite/credentials';
import { removeKiteApp } from '@/lib/kite/connect';
import { SaveKiteAppSchema } from '@/lib/kite/schemas';
import { getKiteStatus } from '@/lib/kite/status';
import { otherMethods, withUser } from '@/lib/http/route';

export const PUT = withUser({ body: SaveKiteAppSchema, bodyLimit: 4096 }, async ({ user, body }) => {
  await saveKiteApp({ userId: user.id, apiKey: body.api_key, apiSecret: body.api_secret });
  return { data: await getKiteStatus({ userId: user.id }) };
});

export const DELETE = withUser({}, async ({ user }) => {
  await removeKiteApp({ userId: user.id });
  return { data: await getKiteStatus({ userId: user.id }) };
});

export const { GET, POST, PATCH } = otherMethods(['PUT', 'DELETE']);
