import 'server-only';
import { conflict } from '@/lib/errors';
import { db } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';
import { hashPassword } from '@/lib/auth/password-hash';
import type { RegisterInput } from '@/lib/auth/schemas';

export type PublicUser = { id: string; email: string; name: string; createdAt: Date };

/** Creates the account; the unique index decides races, so exactly one of two registrations wins. */
export async function registerUser(input: RegisterInput): Promise<PublicUser> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().user.create({
      data: { email: input.email, name: input.name, passwordHash },
      select: { id: true, email: true, name: true, createdAt: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('An account with this email already exists. Sign in instead.');
    throw error;
  }
}
