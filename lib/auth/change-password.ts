import 'server-only';
import { AppError } from '@/lib/errors';
import { db } from '@/lib/db/client';
import { hashPassword, verifyPassword } from '@/lib/auth/password-hash';
import type { UserId } from '@/lib/auth/user-id';
import { forgetUser } from '@/lib/auth/session-cache';

/**
 * Replaces the password and ends every other session in one transaction, so a stolen session
 * cannot outlive the change. The current session stays signed in.
 */
export async function changePassword({
  userId,
  currentSessionId,
  currentPassword,
  newPassword,
}: {
  userId: UserId;
  currentSessionId: string;
  currentPassword: string;
  newPassword: string;
}): Promise<{ revokedSessions: number }> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user?.passwordHash || !(await verifyPassword(currentPassword, user.passwordHash))) {
    throw new AppError('validation_failed', 'The current password is not right.', {
      currentPassword: ['The current password is not right.'],
    });
  }
  const passwordHash = await hashPassword(newPassword);
  const now = new Date();
  const [, revoked] = await db().$transaction([
    db().user.update({ where: { id: userId }, data: { passwordHash, passwordChangedAt: now } }),
    db().userSession.updateMany({
      where: { userId, revokedAt: null, id: { not: currentSessionId } },
      data: { revokedAt: now },
    }),
  ]);
  forgetUser(userId);
  return { revokedSessions: revoked.count };
}
