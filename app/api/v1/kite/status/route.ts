import { getKiteStatus } from '@/lib/kite/status';
import { otherMethods, withUser } from '@/lib/http/route';

export const GET = withUser({}, async ({ user }) => ({ data: await getKiteStatus({ userId: user.id }) }));

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
