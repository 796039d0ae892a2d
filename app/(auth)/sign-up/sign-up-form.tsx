'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Field } from '@/app/_components/field';
import { FormMessage } from '@/app/_components/form-message';
import { SubmitButton } from '@/app/_components/submit-button';
import { idleState } from '@/lib/http/form-state';
import { signUpAction } from '../actions';

export function SignUpForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action] = useActionState(signUpAction, idleState);
  const values = state.values ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <Field name="name" label="Name" autoComplete="name" required autoFocus defaultValue={values.name} key={`name-${values.name ?? ''}`} errors={state.fields?.name} />
      <Field name="email" label="Email" type="email" autoComplete="email" required defaultValue={values.email} key={`email-${values.email ?? ''}`} errors={state.fields?.email} />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint="At least 10 characters. Common passwords are refused."
        errors={state.fields?.password}
      />
      <div className="flex items-center justify-between gap-4">
        <SubmitButton pendingLabel="Creating account…">Create account</SubmitButton>
        <Link href={callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : '/sign-in'} className="text-sm text-brand-600 underline-offset-4 hover:underline dark:text-brand-100">
          I have an account
        </Link>
      </div>
    </form>
  );
}
