import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/session';
import { safeCallbackUrl } from '@/lib/auth/safe-callback';
import { SignInForm } from './sign-in-form';
import { ZerodhaLogin } from './zerodha-login';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === 'string' ? safeCallbackUrl(params.callbackUrl) : undefined;
  if (await getCurrentUser()) redirect(callbackUrl ?? '/dashboard');
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Sign in</h1>
      <p className="mb-6 text-sm text-slate-600 dark:text-slate-400">Welcome back. Sign in to your trading workspace.</p>
      <ZerodhaLogin outcome={typeof params.kite === 'string' ? params.kite : undefined} />
      <SignInForm callbackUrl={callbackUrl} />
    </>
  );
}
