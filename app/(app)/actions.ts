'use server';

import { signOut } from '@/lib/auth/config';
import { getCurrentUser } from '@/lib/auth/session';
import { revokeAllSessions } from '@/lib/auth/sessions';

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/sign-in' });
}

/** Ends every session of this user, this browser's included. */
export async function signOutEverywhereAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) await revokeAllSessions({ userId: user.id });
  await signOut({ redirectTo: '/sign-in?signedOut=everywhere' });
}
