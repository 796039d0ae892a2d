import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { DEMO_APP } from './demo-app';
import { handleApi } from './api-routes';
import { DEFAULT_CHARGE_SETTINGS, type SttRounding } from './charges';
import { FakeClock } from './clock';
import { type AddAppOptions, CONTROL_PREFIX, createControl, type FakeKiteControl, handleControl } from './control';
import { KiteHttpError, readBody, sendHtml, sendJson, sendKiteError } from './http-io';
import { loadInstrumentBook } from './instruments';
import { errorPage, handleLoginGet, handleLoginPost, LOGIN_PATH } from './login-page';
import { RateLimiter, rateCategory } from './rate-limit';
import { Scenarios } from './scenarios';
import { type KiteApp, SessionStore } from './sessions';
import { type FakeKiteState, type LoggedRequest, MAX_LOGGED_REQUESTS, maskHeaders, queryRecord } from './state';
import { DEFAULT_USERS, type FakeZerodhaUser } from './users';

export const DEFAULT_REDIRECT_URL = 'http://localhost:3000/api/kite/callback';
export { DEMO_APP };

export type StartFakeKiteOptions = {
  /** Default 0 (ephemeral). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Kite-format instruments CSV, served as it is; defaults to the bundled CSV plus the F&O contracts generated for the fake's day, else a built-in set. */
  instrumentsCsv?: string;
  /** Redirect URL for the demo app and for apps added without one. */
  redirectUrl?: string;
  demoApp?: Partial<AddAppOptions>;
  apps?: readonly AddAppOptions[];
  users?: readonly FakeZerodhaUser[];
  /** Default 5 minutes. */
  requestTokenTtlMs?: number;
  /** Kite's per-api_key rate limits (quote 1/s, historical 3/s, others 10/s). Default true. */
  rateLimits?: boolean;
  /** Source of "now" (the control's advanceClock adds to it). Default: the system clock. */
  now?: () => Date;
  /**
   * STT/CTT on /charges/orders and margin calls: raw floats, as Kite's API sends them (its docs'
   * samples: 0.56 on a ₹560 delivery buy, 1.498 on ₹1,498), or rounded to the rupee as on the
   * final contract note. Default 'none'.
   */
  sttRounding?: SttRounding;
  /**
   * Zerodha's per-order brokerage in rupees: flat on options, the cap on intraday and futures
   * (default 20). Change it to play a Zerodha whose rates moved ahead of the app's rate table.
   */
  brokerageRupees?: number;
};

export type FakeKite = {
  /** API root, for KiteConnect's `root` option / KITE_API_ROOT. */
  url: string;
  /** Login page, for `kc.default_login_uri` / KITE_LOGIN_URL. */
  loginUrl: string;
  control: FakeKiteControl;
  close(): Promise<void>;
};

const MALFORMED_BODIES = {
  json: { type: 'application/json', body: '{"status":"success","data":{"net":[{"tradingsymbol":"INF' },
  html: { type: 'text/html; charset=utf-8', body: '<html><body><h1>Kite is under maintenance</h1></body></html>' },
} as const;

function apiKeyOf(req: IncomingMessage, query: URLSearchParams, body: string): string | undefined {
  const fromHeader = /^token ([^:\s]+):/.exec(req.headers.authorization ?? '')?.[1];
  return fromHeader ?? query.get('api_key') ?? new URLSearchParams(body).get('api_key') ?? undefined;
}

export async function startFakeKite(options: StartFakeKiteOptions = {}): Promise<FakeKite> {
  const clock = new FakeClock(options.now);
  const defaultRedirectUrl = options.redirectUrl ?? DEFAULT_REDIRECT_URL;
  const state: FakeKiteState = {
    clock,
    sessions: new SessionStore(clock, options.requestTokenTtlMs ?? 5 * 60 * 1000),
    scenarios: new Scenarios(),
    rateLimiter: new RateLimiter(options.rateLimits ?? true),
    book: await loadInstrumentBook(options.instrumentsCsv, clock.now()),
    users: new Map((options.users ?? DEFAULT_USERS).map((user) => [user.userId, user])),
    requests: [],
    charges: {
      sttRounding: options.sttRounding ?? DEFAULT_CHARGE_SETTINGS.sttRounding,
      brokerageRupees: options.brokerageRupees ?? DEFAULT_CHARGE_SETTINGS.brokerageRupees,
    },
    defaultRedirectUrl,
  };
  const demoApp: KiteApp = { ...DEMO_APP, redirectUrl: defaultRedirectUrl, ...options.demoApp };
  state.sessions.addApp(demoApp);
  const control = createControl(state, demoApp);
  for (const app of options.apps ?? []) control.addApp(app);

  const pendingDelays = new Set<() => void>();
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        pendingDelays.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      pendingDelays.add(done);
    });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake-kite.invalid');
    const method = req.method ?? 'GET';
    const { pathname, searchParams: query } = url;
    const body = await readBody(req);
    if (pathname.startsWith(`${CONTROL_PREFIX}/`)) {
      return handleControl(control, method, pathname.slice(CONTROL_PREFIX.length + 1), body, res);
    }
    const entry: LoggedRequest = {
      at: clock.now().toISOString(),
      method,
      path: pathname,
      query: queryRecord(query),
      headers: maskHeaders(req.headers),
      body,
    };
    state.requests.push(entry);
    if (state.requests.length > MAX_LOGGED_REQUESTS) state.requests.splice(0, state.requests.length - MAX_LOGGED_REQUESTS);
    res.on('finish', () => {
      entry.status = res.statusCode;
    });

    const isApi = pathname !== LOGIN_PATH;
    const delay = state.scenarios.takeDelay(pathname, isApi);
    if (delay > 0) await wait(delay);
    const failure = state.scenarios.takeFailure(pathname, isApi);
    if (failure) {
      if (failure.errorType === null) {
        return sendHtml(res, failure.status, `<html><head><title>${failure.status}</title></head><body><center><h1>${failure.status}</h1></center><hr><center>nginx</center></body></html>`);
      }
      return sendKiteError(res, failure.status, failure.errorType, failure.message);
    }
    const malformed = state.scenarios.takeMalformed(pathname, isApi);
    if (malformed) {
      const { type, body: text } = MALFORMED_BODIES[malformed.kind];
      res.writeHead(200, { 'Content-Type': type });
      return void res.end(text);
    }

    if (pathname === LOGIN_PATH) {
      if (method === 'GET') return handleLoginGet(state, query, res);
      if (method === 'POST') return handleLoginPost(state, body, res);
      return errorPage(res, 405, 'Method not allowed');
    }
    const apiKey = apiKeyOf(req, query, body);
    if (apiKey !== undefined && !state.rateLimiter.admit(apiKey, rateCategory(method, pathname), clock.nowMs())) {
      return sendKiteError(res, 429, 'NetworkException', 'Too many requests');
    }
    handleApi(state, { method, pathname, query, body, req }, res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.end();
      if (error instanceof KiteHttpError) return sendKiteError(res, error.status, error.errorType, error.message);
      const message = error instanceof Error ? error.message : String(error);
      sendJson(res, 500, { status: 'error', message: `Fake Kite failed: ${message}`, data: null, error_type: 'GeneralException' });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('Fake Kite did not bind a TCP port');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;

  return {
    url,
    loginUrl: `${url}${LOGIN_PATH}`,
    control,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const release of [...pendingDelays]) release();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
