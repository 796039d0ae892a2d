import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { answerMessage, scriptedFailure } from './answer';
import { ControlActionSchema, FakeAnthropicControl, runControlAction, type ToolInput } from './control';
import { sendError, sendJson, sendStream } from './responses';
import { checkHeaders, isFailure, validateBody, type ApiFailure } from './validate-request';

export const FAKE_ANTHROPIC_API_KEY = 'sk-ant-fake-test-key';
// Standard endpoints refuse bodies over 32 MB with 413 request_too_large.
export const MAX_REQUEST_BYTES = 32 * 1024 * 1024;

export type FakeAnthropicOptions = {
  /** The key clients must present (Authorization: Bearer or x-api-key). */
  apiKey?: string;
  /** Tool inputs for `valid` answers, by tool name; our two tools have realistic defaults. */
  answers?: Record<string, ToolInput>;
  /** When set, other model names get 404 not_found_error; by default any model is echoed back. */
  models?: readonly string[];
  port?: number;
};

export type FakeAnthropic = {
  /** Base URL for `new Anthropic({ baseURL })`, e.g. http://127.0.0.1:41234. */
  url: string;
  control: FakeAnthropicControl;
  close: () => Promise<void>;
};

type Settings = FakeAnthropicOptions & { apiKey: string };
type Body = { tooLarge: true } | { tooLarge: false; text: string };

async function readBody(req: IncomingMessage): Promise<Body> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size <= MAX_REQUEST_BYTES) chunks.push(buffer);
  }
  if (size > MAX_REQUEST_BYTES) return { tooLarge: true };
  return { tooLarge: false, text: Buffer.concat(chunks).toString('utf8') };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function headersWithoutKey(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (name === 'authorization' || name === 'x-api-key' || value === undefined) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function authKind(req: IncomingMessage): 'bearer' | 'x-api-key' | 'none' {
  if (req.headers.authorization !== undefined) return 'bearer';
  return req.headers['x-api-key'] !== undefined ? 'x-api-key' : 'none';
}

async function handleControl(control: FakeAnthropicControl, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readBody(req);
  const parsed = body.tooLarge ? { ok: false as const } : parseJson(body.text);
  const action = parsed.ok ? ControlActionSchema.safeParse(parsed.value) : undefined;
  if (!action?.success) {
    sendJson(res, 400, { ok: false, error: action ? action.error.issues : 'body must be JSON' });
    return;
  }
  sendJson(res, 200, runControlAction(control, action.data));
}

// Waits like a slow model; false when the client hung up first (e.g. the SDK's timeout).
async function waitUnlessClientLeaves(res: ServerResponse, ms: number): Promise<boolean> {
  const gone = new AbortController();
  res.on('close', () => gone.abort());
  const waited = await delay(ms, true, { signal: gone.signal }).catch(() => false);
  return waited && !res.destroyed;
}

async function handleMessages(settings: Settings, control: FakeAnthropicControl, req: IncomingMessage, res: ServerResponse) {
  const body = await readBody(req);
  const parsed = body.tooLarge ? undefined : parseJson(body.text);
  const retryHeader = req.headers['x-stainless-retry-count'];
  const entry = control.record({
    receivedAt: new Date(),
    method: req.method ?? '',
    path: req.url ?? '',
    headers: headersWithoutKey(req),
    auth: authKind(req),
    retryCount: typeof retryHeader === 'string' ? Number(retryHeader) : undefined,
    body: parsed?.ok ? parsed.value : body.tooLarge ? '<too large>' : body.text,
    images: [],
    scenario: undefined,
    status: undefined,
  });
  const fail = (failure: ApiFailure, headers: Record<string, string> = {}) => {
    sendError(res, failure, headers);
    control.finish(entry, failure.status);
  };

  const headerCheck = checkHeaders(req.headers, settings.apiKey);
  if (isFailure(headerCheck)) return fail(headerCheck);
  if (body.tooLarge) {
    return fail({ status: 413, type: 'request_too_large', message: 'Request exceeds the maximum allowed number of bytes.' });
  }
  if (!parsed?.ok) {
    const message = 'There was an error parsing the body of your request: invalid JSON';
    return fail({ status: 400, type: 'invalid_request_error', message });
  }
  const validated = await validateBody(parsed.value, headerCheck.version);
  if (isFailure(validated)) return fail(validated);
  entry.images = validated.images;
  if (settings.models && !settings.models.includes(validated.body.model)) {
    return fail({ status: 404, type: 'not_found_error', message: `model: ${validated.body.model}` });
  }

  const scenario = control.takeScenario();
  entry.scenario = scenario.kind;
  const scripted = scriptedFailure(scenario);
  if (scripted) return fail(scripted.failure, scripted.headers);
  if (scenario.kind === 'slow' && !(await waitUnlessClientLeaves(res, scenario.ms))) {
    return control.finish(entry, 499);
  }
  const result = answerMessage(control, validated, scenario);
  if ('failure' in result) return fail(result.failure, result.headers);
  if (validated.body.stream) sendStream(res, result.message);
  else sendJson(res, 200, result.message);
  control.finish(entry, 200);
}

/** Starts the fake Messages API on 127.0.0.1 (an ephemeral port unless `port` is given). */
export async function startFakeAnthropic(options: FakeAnthropicOptions = {}): Promise<FakeAnthropic> {
  const control = new FakeAnthropicControl(options.answers);
  const settings: Settings = { ...options, apiKey: options.apiKey ?? FAKE_ANTHROPIC_API_KEY };
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const route =
      req.method === 'POST' && path === '/__control' ? handleControl(control, req, res)
      : req.method === 'POST' && path === '/v1/messages' ? handleMessages(settings, control, req, res)
      : Promise.resolve(sendError(res, { status: 404, type: 'not_found_error', message: 'Not Found' }));
    route.catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      const message = `fake-anthropic crashed: ${error instanceof Error ? error.message : String(error)}`;
      sendError(res, { status: 500, type: 'api_error', message }, { 'x-should-retry': 'false' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === 'string') throw new Error('fake-anthropic: no TCP address after listen');
  return {
    url: `http://127.0.0.1:${address.port}`,
    control,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
