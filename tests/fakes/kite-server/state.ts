import type { ChargeSettings } from './charges';
import type { FakeClock } from './clock';
import type { InstrumentBook } from './instruments';
import type { RateLimiter } from './rate-limit';
import type { Scenarios } from './scenarios';
import type { SessionStore } from './sessions';
import type { FakeZerodhaUser } from './users';

export type LoggedRequest = {
  at: string;
  method: string;
  path: string;
  query: Record<string, string[]>;
  /** Header names lower-cased; the access token in Authorization is masked. */
  headers: Record<string, string>;
  body: string;
  status?: number;
};

export type FakeKiteState = {
  clock: FakeClock;
  sessions: SessionStore;
  scenarios: Scenarios;
  rateLimiter: RateLimiter;
  book: InstrumentBook;
  users: ReadonlyMap<string, FakeZerodhaUser>;
  requests: LoggedRequest[];
  charges: ChargeSettings;
  defaultRedirectUrl: string;
};

export const MAX_LOGGED_REQUESTS = 2000;

export function maskHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    out[name.toLowerCase()] =
      name.toLowerCase() === 'authorization' ? text.replace(/^(token [^:\s]+:).+$/, '$1***') : text;
  }
  return out;
}

export function queryRecord(params: URLSearchParams): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, value] of params) (out[key] ??= []).push(value);
  return out;
}
