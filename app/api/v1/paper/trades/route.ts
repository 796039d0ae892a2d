import { withUser } from '@/lib/http/route';
import { accountQuery } from '@/lib/paper/read/account-query';
import { listTrades } from '@/lib/paper/read/read-paper';

export const GET = withUser({ query: accountQuery }, async ({ user, query }) => ({
  data: { trades: await listTrades({ userId: user.id, accountId: query.account_id }) },
}));
