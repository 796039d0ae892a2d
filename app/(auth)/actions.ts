'use server';

import { AuthError } from 'next-auth';
import { z } from 'zod';
import { signIn } from '@/lib/auth/config';
import { registerUser } from '@/lib/auth/register';
import { safeCallbackUrl } from '@/lib/auth/safe-callback';
import { RegisterSchema } from '@/lib/auth/schemas';
import { AppError } from '@/lib/errors';
import { publicAction } from '@/lib/http/action';

const SignInForm = z.object({
  email: z.string().max(10_000),
  password: z.string().max(10_000),
  callbackUrl: z.string().optional(),
});

async function signInWithPassword(email: string, password: string, callbackUrl: string | undefined): Promise<void> {
  try {
    await signIn('credentials', { email, password, redirectTo: safeCallbackUrl(callbackUrl) });
  } catch (error) {
    if (error instanceof AuthError && error.type === 'CredentialsSignin') {
      const code = 'code' in error ? error.code : undefined;
      throw code === 'rate_limited'
        ? new AppError('rate_limited', 'Too many failed sign-in attempts. Wait 15 minutes and try again.')
        : new AppError('unauthenticated', 'That email and password do not match an account.');
    }
    throw error;
  }
}

export const signInAction = publicAction('sign-in', SignInForm, async ({ input }) => {
  await signInWithPassword(input.email, input.password, input.callbackUrl);
});

export const signUpAction = publicAction('sign-up', RegisterSchema.extend({ callbackUrl: z.string().optional() }), async ({ input }) => {
  const { callbackUrl, ...registration } = input;
  await registerUser(registration);
  await signInWithPassword(registration.email, registration.password, callbackUrl);
});
