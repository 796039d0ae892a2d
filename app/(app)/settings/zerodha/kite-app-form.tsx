'use client';

import { useActionState } from 'react';
import { Field } from '@/app/_components/field';
import { FormMessage } from '@/app/_components/form-message';
import { SubmitButton } from '@/app/_components/submit-button';
import { idleState } from '@/lib/http/form-state';
import { saveKiteAppAction } from './actions';

export function KiteAppForm({ replacing }: { replacing: boolean }) {
  const [state, action] = useActionState(saveKiteAppAction, idleState);
  return (
    <form action={action} className="max-w-md space-y-4" noValidate aria-label="Kite Connect app">
      <FormMessage state={state} />
      <Field
        name="api_key"
        label="api_key"
        autoComplete="off"
        spellCheck={false}
        required
        defaultValue={state.values?.api_key ?? ''}
        errors={state.fields?.api_key}
      />
      <Field
        name="api_secret"
        label="api_secret"
        type="password"
        autoComplete="off"
        spellCheck={false}
        required
        hint="Stored encrypted; never shown again."
        errors={state.fields?.api_secret}
      />
      <SubmitButton pendingLabel="Saving…">{replacing ? 'Replace app' : 'Save app'}</SubmitButton>
    </form>
  );
}
