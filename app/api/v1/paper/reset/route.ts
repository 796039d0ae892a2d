import { z } from 'zod';
import { withUser } from '@/lib/http/route';
import { resetPaperAccount } from '@/lib/paper/account/reset-account';

// The body must say so explicitly: a reset cannot be undone (the old account stays viewable).
const resetBody = z.object({ confirm: z.literal(true, { error: 'Send {"confirm": true} to reset the account.' }) });

export const POST = withUser({ body: resetBody }, async ({ user }) => {
  const account = await resetPaperAccount({ userId: user.id });
  return { status: 201, data: { account: { id: account.id, opening_balance: account.openingBalance, cash: account.cash, created_at: account.createdAt.toISOString() } } };
});
