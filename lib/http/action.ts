import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import type { FormState } from '@/lib/http/form-state';
import { logError } from '@/lib/log';
import { fieldErrorsOf } from '@/lib/http/zod-errors';

const SECRET_FIELD = /password|secret|token/i;

function echo(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !SECRET_FIELD.test(key) && !key.startsWith('$')) values[key] = value.slice(0, 2000);
  }
  return values;
}

function failure(error: unknown, formData: FormData, context: string): FormState {
  // Redirects (e.g. after sign-in) travel as errors; they must pass through.
  unstable_rethrow(error);
  const values = echo(formData);
  if (error instanceof AppError) return { status: 'error', message: error.message, fields: error.fields, values };
  logError(context, error);
  return { status: 'error', message: 'Something went wrong on our side. Please try again.', values };
}

type ActionFn<S extends z.ZodType> = (input: z.output<S>, formData: FormData) => Promise<FormState | void>;

function run<S extends z.ZodType>(schema: S, formData: FormData, fn: ActionFn<S>, context: string): Promise<FormState> {
  return (async () => {
    try {
      const parsed = schema.safeParse(Object.fromEntries(formData.entries()));
      if (!parsed.success) {
        return { status: 'error', message: 'Please correct the fields marked below.', fields: fieldErrorsOf(parsed.error), values: echo(formData) } as const;
      }
      return (await fn(parsed.data, formData)) ?? { status: 'success' };
    } catch (error) {
      return failure(error, formData, context);
    }
  })();
}

/** The wrapper for server actions of signed-in users: authenticate, validate, map errors. */
export function authAction<S extends z.ZodType>(
  name: string,
  schema: S,
  fn: (args: { input: z.output<S>; user: CurrentUser; formData: FormData }) => Promise<FormState | void>,
) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const user = await getCurrentUser();
    if (!user) return { status: 'error', message: 'Your session has ended. Sign in again.' };
    return run(schema, stripActionFields(formData), (input) => fn({ input, user, formData }), `action ${name}`);
  };
}

/** The wrapper for the few server actions that run signed out (sign-in, sign-up). */
export function publicAction<S extends z.ZodType>(
  name: string,
  schema: S,
  fn: (args: { input: z.output<S>; formData: FormData }) => Promise<FormState | void>,
) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> =>
    run(schema, stripActionFields(formData), (input) => fn({ input, formData }), `action ${name}`);
}

/** React adds $ACTION_* bookkeeping fields to FormData; strict schemas must not see them. */
function stripActionFields(formData: FormData): FormData {
  const clean = new FormData();
  for (const [key, value] of formData.entries()) if (!key.startsWith('$ACTION')) clean.append(key, value);
  return clean;
}
