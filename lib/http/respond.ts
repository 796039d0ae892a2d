import { AppError, errorBody } from '@/lib/errors';
import { logError } from '@/lib/log';

const NO_STORE = { 'cache-control': 'no-store' };

export function json(data: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return Response.json(data, { status: init.status ?? 200, headers: { ...NO_STORE, ...init.headers } });
}

/** The one error shape. Unknown errors are logged and answered generically. */
export function errorResponse(error: unknown, context: string): Response {
  const appError = error instanceof AppError ? error : toInternal(error, context);
  const headers: Record<string, string> = { ...NO_STORE };
  if (appError.retryAfterSeconds !== undefined) headers['retry-after'] = String(appError.retryAfterSeconds);
  return Response.json(errorBody(appError), { status: appError.status, headers });
}

function toInternal(error: unknown, context: string): AppError {
  logError(context, error);
  return new AppError('internal_error', 'Something went wrong on our side. Please try again.');
}
