import { AppError } from '@/lib/errors';

export type KiteFailure =
  /** TokenException: the access token expired (06:00 IST) or was revoked. */
  | 'session-expired'
  /** 429, 5xx, network errors, timeouts and malformed answers, after retries. */
  | 'unavailable'
  /** Kite refused the request itself (InputException, PermissionException, ...). */
  | 'rejected';

/** A Kite call that failed. `kiteMessage` is Kite's text, which never contains our secrets. */
export class KiteError extends Error {
  override name = 'KiteError';
  constructor(
    readonly failure: KiteFailure,
    readonly errorType: string,
    readonly kiteMessage: string,
  ) {
    super(`Kite ${failure}: ${errorType}: ${kiteMessage}`);
  }
}

const RETRYABLE = new Set(['NetworkException', 'GeneralException', 'DataException']);

/** kiteconnect rejects (and sometimes resolves) with `{ error_type, message }` bodies, not Errors. */
export function toKiteError(raw: unknown): KiteError {
  if (raw instanceof KiteError) return raw;
  const record = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const errorType = typeof record.error_type === 'string' ? record.error_type : 'GeneralException';
  // The client echoes whole bodies into DataException messages; keep ours short and free of them.
  const message = errorType === 'DataException' ? 'Kite sent a response we could not read.' : typeof record.message === 'string' ? record.message.slice(0, 300) : 'Unknown error';
  if (errorType === 'TokenException') return new KiteError('session-expired', errorType, message);
  if (RETRYABLE.has(errorType)) return new KiteError('unavailable', errorType, message);
  return new KiteError('rejected', errorType, message);
}

export function isKiteErrorBody(value: unknown): boolean {
  return value !== null && typeof value === 'object' && typeof (value as Record<string, unknown>).error_type === 'string';
}

/** The user-facing error for an API response. */
export function kiteAppError(error: KiteError): AppError {
  switch (error.failure) {
    case 'session-expired':
      return new AppError('conflict', 'Your Zerodha session has expired. Reconnect Zerodha to continue.');
    case 'unavailable':
      return new AppError('service_unavailable', 'Zerodha is not answering right now. Please try again in a minute.');
    case 'rejected':
      return new AppError('unprocessable', `Zerodha rejected the request: ${error.kiteMessage}`);
  }
}
