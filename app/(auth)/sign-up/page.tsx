import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/session';
import { safeCallbackUrl } from '@/lib/auth/safe-callback';
import { SignUpForm } from './sign-up-form';

export const metadata: Metadata = { title: 'Create account' };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === 'string' ? safeCallbackUrl(params.callbackUrl) : undefined;
  if (await getCurrentUser()) redirect(callbackUrl ?? '/dashboard');
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Create your account</h1>
      <p className="mb-6 text-sm text-slate-600 dark:text-slate-400">A paper-trading account with ₹1,00,000 of virtual cash is waiting for you.</p>
      <SignUpForm callbackUrl={callbackUrl} />
    </>
  );
}
