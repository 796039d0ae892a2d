'use server';

import { changePassword } from '@/lib/auth/change-password';
import { ChangePasswordSchema } from '@/lib/auth/schemas';
import { authAction } from '@/lib/http/action';

export const changePasswordAction = authAction('change-password', ChangePasswordSchema, async ({ input, user }) => {
  const { revokedSessions } = await changePassword({
    userId: user.id,
    currentSessionId: user.sessionId,
    currentPassword: input.currentPassword,
    newPassword: input.newPassword,
  });
  const others = revokedSessions === 1 ? '1 other session was' : `${revokedSessions} other sessions were`;
  return { status: 'success', message: `Password changed. ${others} signed out.` };
});
