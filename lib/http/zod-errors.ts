import type { z } from 'zod';
import { AppError, type FieldErrors } from '@/lib/errors';

/** Turns a zod failure into field errors keyed by dotted path ('' for the whole body). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length === 0 ? '_' : issue.path.map(String).join('.');
    const message = issue.code === 'unrecognized_keys' ? `Unknown field(s): ${issue.keys.join(', ')}.` : issue.message;
    (fields[key] ??= []).push(message);
  }
  return fields;
}

export function validationError(error: z.ZodError, message = 'Some fields are not valid.'): AppError {
  return new AppError('validation_failed', message, fieldErrorsOf(error));
}

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, message?: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error, message);
  return parsed.data;
}
