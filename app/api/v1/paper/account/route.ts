import { otherMethods, withUser } from '@/lib/http/route';
import { getPaperAccount } from '@/lib/paper/account/get-paper-account';

export const GET = withUser({}, async ({ user }) => {
  const account = await getPaperAccount({ userId: user.id });
  return {
    data: {
      account: {
        id: account.id,
        opening_balance: account.openingBalance,
        cash: account.cash,
        created_at: account.createdAt.toISOString(),
      },
    },
  };
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
