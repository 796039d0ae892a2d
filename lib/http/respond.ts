import { AppError, errorBody } from '@/lib/errors';
import { logError } from '@/lib/log';

// Below this size gzip saves a few hundred bytes and costs more CPU than the request itself
// (bench:paper: zlib was 6% of the order route); `no-transform` is how the server's compression
// step is told to leave a response alone. Larger bodies (order books, histories) are still gzipped.
const COMPRESS_FROM_BYTES = 4096;

/** A JSON response that is never cached (serialised here to know its size). */
export function json(data: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  const body = JSON.stringify(data);
  const headers = {
    'content-type': 'application/json',
    'cache-control': Buffer.byteLength(body) < COMPRESS_FROM_BYTES ? 'no-store, no-transform' : 'no-store',
    ...init.headers,
  };
  return new Response(body, { status: init.status ?? 200, headers });
}

/** The one error shape. Unknown errors are logged and answered generically. */
export function errorResponse(error: unknown, context: string): Response {
  const appError = error instanceof AppError ? error : toInternal(error, context);
  const headers: Record<string, string> = {};
  if (appError.retryAfterSeconds !== undefined) headers['retry-after'] = String(appError.retryAfterSeconds);
  return json(errorBody(appError), { status: appError.status, headers });
}

function toInternal(error: unknown, context: string): AppError {
  logError(context, error);
  return new AppError('internal_error', 'Something went wrong on our side. Please try again.');
}
