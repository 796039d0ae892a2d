'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Field } from '@/app/_components/field';
import { FormMessage } from '@/app/_components/form-message';
import { SubmitButton } from '@/app/_components/submit-button';
import { idleState } from '@/lib/http/form-state';
import { signInAction } from '../actions';

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action] = useActionState(signInAction, idleState);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <Field
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        autoFocus
        defaultValue={state.values?.email}
        key={`email-${state.values?.email ?? ''}`}
        errors={state.fields?.email}
      />
      <Field name="password" label="Password" type="password" autoComplete="current-password" required errors={state.fields?.password} />
      <div className="flex items-center justify-between gap-4">
        <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
        <Link href={callbackUrl ? `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}` : '/sign-up'} className="text-sm text-brand-600 underline-offset-4 hover:underline dark:text-brand-100">
          Create an account
        </Link>
      </div>
    </form>
  );
}
