import { randomUUID } from 'node:crypto';
import { trustedUserId, type UserId } from '@/lib/auth/user-id';
import { db } from '@/lib/db/client';

/** A fresh user with a unique email; tests never share users. */
export async function createTestUser(label = 'user'): Promise<{ id: UserId; email: string }> {
  const email = `${label}-${randomUUID()}@example.test`;
  const user = await db().user.create({ data: { email, name: label }, select: { id: true, email: true } });
  return { id: trustedUserId(user.id), email: user.email };
}
