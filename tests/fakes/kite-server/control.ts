import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { parseJsonBody, sendJson } from './http-io';
import { FailNextSchema, type FailNextOptions, MalformedSchema, type MalformedOptions, SlowSchema, type SlowOptions } from './scenarios';
import type { KiteApp } from './sessions';
import type { FakeKiteState, LoggedRequest } from './state';

export const CONTROL_PREFIX = '/__control';

export const AddAppSchema = z.object({
  apiKey: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  apiSecret: z.string().min(1),
  redirectUrl: z.url().optional(),
  name: z.string().min(1).optional(),
});
export type AddAppOptions = z.input<typeof AddAppSchema>;

const ExpireTokensSchema = z.object({ userId: z.string().optional(), apiKey: z.string().optional() }).default({});

export type FakeKiteControl = {
  /** Every request the fake received (oldest first), access tokens masked. */
  readonly requests: readonly LoggedRequest[];
  readonly demoApp: KiteApp;
  readonly users: readonly { userId: string; password: string; userName: string }[];
  addApp(options: AddAppOptions): KiteApp;
  /** Mint a request token as if `userId` had logged in to `apiKey` (skips the HTML login page). */
  issueRequestToken(apiKey: string, userId: string): string;
  /** Expire live access tokens (all, or one user's / one app's). Returns how many. */
  expireTokens(filter?: { userId?: string; apiKey?: string }): number;
  expireRequestTokens(): void;
  setRequestTokenTtl(ms: number): void;
  failNext(options: FailNextOptions): void;
  slow(options: SlowOptions): void;
  malformed(options: MalformedOptions): void;
  setRateLimiting(enabled: boolean): void;
  advanceClock(ms: number): void;
  now(): Date;
  clearRequests(): void;
  /** Clears sessions, scenarios, rate-limit windows, the clock offset and the request log. Apps stay. */
  reset(): void;
};

export function createControl(state: FakeKiteState, demoApp: KiteApp): FakeKiteControl {
  return {
    get requests() {
      return state.requests;
    },
    demoApp,
    users: [...state.users.values()].map((u) => ({ userId: u.userId, password: u.password, userName: u.userName })),
    addApp(options) {
      const parsed = AddAppSchema.parse(options);
      const app: KiteApp = {
        apiKey: parsed.apiKey,
        apiSecret: parsed.apiSecret,
        redirectUrl: parsed.redirectUrl ?? state.defaultRedirectUrl,
        name: parsed.name ?? `App ${parsed.apiKey}`,
      };
      state.sessions.addApp(app);
      return app;
    },
    issueRequestToken(apiKey, userId) {
      if (!state.sessions.apps.has(apiKey)) throw new Error(`Unknown api_key ${apiKey}`);
      if (!state.users.has(userId)) throw new Error(`Unknown user ${userId}`);
      return state.sessions.issueRequestToken(apiKey, userId);
    },
    expireTokens: (filter) => state.sessions.expireAccessTokens(filter),
    expireRequestTokens: () => state.sessions.expireRequestTokens(),
    setRequestTokenTtl(ms) {
      state.sessions.requestTokenTtlMs = ms;
    },
    failNext: (options) => state.scenarios.failNext(options),
    slow: (options) => state.scenarios.slow(options),
    malformed: (options) => state.scenarios.malformed(options),
    setRateLimiting(enabled) {
      state.rateLimiter.enabled = enabled;
    },
    advanceClock: (ms) => state.clock.advance(ms),
    now: () => state.clock.now(),
    clearRequests() {
      state.requests.length = 0;
    },
    reset() {
      state.sessions.reset();
      state.scenarios.reset();
      state.rateLimiter.reset();
      state.clock.reset();
      state.requests.length = 0;
    },
  };
}

const handlers: Record<string, (control: FakeKiteControl, body: unknown) => unknown> = {
  'add-app': (c, body) => {
    const app = c.addApp(AddAppSchema.parse(body));
    return { apiKey: app.apiKey, redirectUrl: app.redirectUrl, name: app.name };
  },
  'expire-tokens': (c, body) => ({ expired: c.expireTokens(ExpireTokensSchema.parse(body ?? {})) }),
  'expire-request-tokens': (c) => c.expireRequestTokens(),
  'fail-next': (c, body) => c.failNext(FailNextSchema.parse(body)),
  slow: (c, body) => c.slow(SlowSchema.parse(body)),
  malformed: (c, body) => c.malformed(MalformedSchema.parse(body)),
  'rate-limiting': (c, body) => c.setRateLimiting(z.object({ enabled: z.boolean() }).parse(body).enabled),
  'advance-clock': (c, body) => c.advanceClock(z.object({ ms: z.number().int() }).parse(body).ms),
  'clear-requests': (c) => c.clearRequests(),
  reset: (c) => c.reset(),
};

/** POST /__control/<action> with a JSON body; GET /__control/requests and /__control/state to inspect. */
export function handleControl(control: FakeKiteControl, method: string, action: string, body: string, res: ServerResponse): void {
  if (method === 'GET' && action === 'requests') return sendJson(res, 200, { requests: control.requests });
  if (method === 'GET' && action === 'state') {
    return sendJson(res, 200, { now: control.now().toISOString(), demoApp: { apiKey: control.demoApp.apiKey }, users: control.users });
  }
  const handler = handlers[action];
  if (method !== 'POST' || !handler) {
    return sendJson(res, 404, { ok: false, error: `Unknown control action ${method} ${action}`, actions: Object.keys(handlers) });
  }
  try {
    const result = handler(control, body.trim() === '' ? undefined : parseJsonBody(body));
    sendJson(res, 200, { ok: true, ...(result && typeof result === 'object' ? result : {}) });
  } catch (error) {
    const message = error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error);
    sendJson(res, 400, { ok: false, error: message });
  }
}
