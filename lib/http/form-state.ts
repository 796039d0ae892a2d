import type { FieldErrors } from '@/lib/errors';

/** What a server action returns to its form (useActionState). */
export type FormState = {
  status: 'idle' | 'error' | 'success';
  message?: string;
  fields?: FieldErrors;
  /** What the user typed (never passwords), so the form can show it again after an error. */
  values?: Record<string, string>;
};

export const idleState: FormState = { status: 'idle' };
