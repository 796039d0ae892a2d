import { withUser } from '@/lib/http/route';
import { accountQuery } from '@/lib/paper/read/account-query';
import { getFunds } from '@/lib/paper/read/read-paper';

export const GET = withUser({ query: accountQuery }, async ({ user, query }) => {
  const funds = await getFunds({ userId: user.id, accountId: query.account_id });
  return { data: { account: funds } };
});
