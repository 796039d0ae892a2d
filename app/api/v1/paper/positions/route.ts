import { withUser } from '@/lib/http/route';
import { accountQuery } from '@/lib/paper/read/account-query';
import { listPositions } from '@/lib/paper/read/read-paper';

export const GET = withUser({ query: accountQuery }, async ({ user, query }) => ({
  data: { positions: await listPositions({ userId: user.id, accountId: query.account_id }) },
}));
