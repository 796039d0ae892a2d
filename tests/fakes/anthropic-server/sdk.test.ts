import Anthropic, { APIConnectionTimeoutError, BadRequestError, OverloadedError, RateLimitError } from '@anthropic-ai/sdk';
import type { MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { preprocessImage, type PreprocessedImage } from '@/lib/analysis/images/preprocess-image';
import { buildAnalysisRequest } from '@/lib/analysis/prompt/build-analysis-request';
import { buildRepairRequest } from '@/lib/analysis/prompt/build-repair-request';
import { readToolOutput } from '@/lib/analysis/schemas/read-tool-output';
import { makeChartPng } from '@/tests/fixtures/images/make-images';
import { CANNED_BROKER_EXTRACTION } from './canned-answers';
import { scenarios } from './scenarios';
import { FAKE_ANTHROPIC_API_KEY, startFakeAnthropic, type FakeAnthropic } from './server';

let fake: FakeAnthropic;
let chart: PreprocessedImage;

beforeAll(async () => {
  fake = await startFakeAnthropic();
  chart = await preprocessImage(await makeChartPng(1600, 900));
});
afterAll(() => fake.close());
beforeEach(() => fake.control.reset());

function client(options: { maxRetries?: number; timeout?: number } = {}): Anthropic {
  return new Anthropic({ apiKey: FAKE_ANTHROPIC_API_KEY, baseURL: fake.url, maxRetries: 2, ...options });
}

function chartRequest(): MessageCreateParamsNonStreaming {
  return buildAnalysisRequest({ kind: 'chart', images: [chart], question: 'Where is support?', model: 'claude-sonnet-4-6', maxTokens: 4096 });
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('expected the call to fail'),
    (error: unknown) => error,
  );
}

describe('the real SDK against the fake', () => {
  it('gets a chart analysis that our zod schema accepts, and the fake records what was sent', async () => {
    const message = await client().messages.create(chartRequest());
    expect(message._request_id).toMatch(/^req_011/);
    const result = readToolOutput('chart', message);
    expect(result.success && result.value.kind === 'chart' && result.value.data.trade_plan.entry).toBe('1872.4');

    const [sent] = fake.control.requests;
    expect(fake.control.requests).toHaveLength(1);
    expect(sent).toMatchObject({ path: '/v1/messages', auth: 'bearer', retryCount: 0, status: 200, scenario: 'valid' });
    expect(sent?.headers['anthropic-version']).toBe('2026-10-21');
    expect(sent?.headers).not.toHaveProperty('authorization');
    expect(sent?.images).toEqual([
      { mediaType: 'image/png', base64Length: Math.ceil(chart.bytes / 3) * 4, bytes: chart.bytes, width: chart.width, height: chart.height },
    ]);
    expect([chart.width, chart.height]).toEqual([1429, 804]);
  });

  it('extracts broker trades with prices as decimal strings', async () => {
    const params = buildAnalysisRequest({ kind: 'broker', images: [chart], model: 'claude-haiku-4-5', maxTokens: 2048 });
    const result = readToolOutput('broker', await client().messages.create(params));
    expect(result.success && result.value.kind === 'broker' && result.value.data.trades.map((t) => t.price)).toEqual(['1872.4', '112.35']);
    expect(CANNED_BROKER_EXTRACTION.trades[1]?.price).toBe(112.35);
  });

  it('retries a 429 after retry-after-ms and then succeeds', async () => {
    fake.control.enqueue(scenarios.rateLimited({ retryAfterMs: 10 }));
    const message = await client().messages.create(chartRequest());
    expect(message.stop_reason).toBe('tool_use');
    expect(fake.control.requests.map((r) => [r.retryCount, r.status])).toEqual([[0, 429], [1, 200]]);
  });

  it('waits the retry-after seconds when that is all the server sends', async () => {
    fake.control.enqueue(scenarios.rateLimited({ retryAfterSeconds: 1 }));
    await client().messages.create(chartRequest());
    const [first, second] = fake.control.requests;
    const waited = (second?.receivedAt.getTime() ?? 0) - (first?.receivedAt.getTime() ?? 0);
    expect(waited).toBeGreaterThanOrEqual(950);
  });

  it('gives up on a 429 after three attempts with a RateLimitError carrying the request id', async () => {
    fake.control.enqueue(scenarios.rateLimited({ retryAfterMs: 5 }), 3);
    const error = await failureOf(client().messages.create(chartRequest()));
    expect(error).toBeInstanceOf(RateLimitError);
    if (!(error instanceof RateLimitError)) return;
    expect(error.status).toBe(429);
    expect(error.type).toBe('rate_limit_error');
    expect(error.requestID).toMatch(/^req_011/);
    expect(fake.control.requests.map((r) => r.retryCount)).toEqual([0, 1, 2]);
  });

  it('retries 529 overloaded and succeeds on the third attempt', async () => {
    fake.control.enqueue(scenarios.overloaded({ retryAfterMs: 10 }), 2);
    const message = await client().messages.create(chartRequest());
    expect(message.content[0]?.type).toBe('tool_use');
    expect(fake.control.requests.map((r) => r.status)).toEqual([529, 529, 200]);
  });

  it('surfaces a persistent 529 as OverloadedError', async () => {
    fake.control.enqueue(scenarios.overloaded({ retryAfterMs: 5 }), 3);
    expect(await failureOf(client().messages.create(chartRequest()))).toBeInstanceOf(OverloadedError);
  });

  it('does not retry a 400 and exposes its message', async () => {
    fake.control.enqueue(scenarios.badRequest('messages.0.content.0.image.source.base64: image exceeds 5 MB maximum'));
    const error = await failureOf(client().messages.create(chartRequest()));
    expect(error).toBeInstanceOf(BadRequestError);
    if (!(error instanceof BadRequestError)) return;
    expect(error.apiMessage).toBe('messages.0.content.0.image.source.base64: image exceeds 5 MB maximum');
    expect(error.message).toMatch(/^400 /);
    expect(fake.control.requests).toHaveLength(1);
  });

  it('honours x-should-retry: false on a 500', async () => {
    fake.control.enqueue(scenarios.serverError({ shouldRetry: false }));
    expect(await failureOf(client().messages.create(chartRequest()))).toMatchObject({ status: 500 });
    expect(fake.control.requests).toHaveLength(1);
  });

  it('rejects the temperature the SDK still passes through', async () => {
    const withTemperature = Object.assign(chartRequest(), { temperature: 0.2 });
    const error = await failureOf(client().messages.create(withTemperature));
    expect(error).toBeInstanceOf(BadRequestError);
  });

  it('detects an invalid tool input with zod, then repairs it in one more turn', async () => {
    fake.control.enqueue(scenarios.invalidJson());
    const request = chartRequest();
    const first = readToolOutput('chart', await client().messages.create(request));
    expect(first.success).toBe(false);
    if (first.success || first.reason !== 'invalid') throw new Error('expected an invalid answer');
    expect(first.issues).toEqual([
      'confidence: Invalid input: expected number, received string',
      'reasoning: Invalid input: expected string, received undefined',
    ]);

    const repaired = await client().messages.create(buildRepairRequest({ request, toolUse: first.toolUse, issues: first.issues }));
    expect(readToolOutput('chart', repaired).success).toBe(true);
    const sent = fake.control.requests[1]?.body;
    expect(sent).toMatchObject({
      messages: [
        { role: 'user' },
        { role: 'assistant', content: [{ type: 'tool_use', id: first.toolUse.id }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: first.toolUse.id, is_error: true }] },
      ],
    });
  });

  it('times out on a slow answer; the fake sees the client leave', async () => {
    fake.control.enqueue(scenarios.slow({ ms: 5_000 }));
    const error = await failureOf(client({ maxRetries: 0, timeout: 200 }).messages.create(chartRequest()));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    await fake.control.waitForRequests(1);
    expect(fake.control.requests[0]?.status).toBe(499);
  });

  it('streams the same answer as server-sent events', async () => {
    const final = await client().messages.stream(chartRequest()).finalMessage();
    expect(final.stop_reason).toBe('tool_use');
    expect(readToolOutput('chart', final).success).toBe(true);
  });

  it('reports truncation, refusal and a missing tool call without a repair attempt', async () => {
    fake.control.enqueue(scenarios.maxTokens());
    fake.control.enqueue(scenarios.refusal());
    const read = async (params: MessageCreateParamsNonStreaming) => readToolOutput('chart', await client().messages.create(params));
    expect(await read(chartRequest())).toMatchObject({ success: false, reason: 'truncated' });
    expect(await read(chartRequest())).toMatchObject({ success: false, reason: 'refused' });
    expect(await read({ ...chartRequest(), tool_choice: { type: 'none' } })).toMatchObject({ success: false, reason: 'no_tool_call' });
  });

  it('works with the key in x-api-key instead of Authorization', async () => {
    const viaHeader = new Anthropic({
      apiKey: null,
      baseURL: fake.url,
      defaultHeaders: { 'x-api-key': FAKE_ANTHROPIC_API_KEY, Authorization: null },
    });
    await viaHeader.messages.create(chartRequest());
    expect(fake.control.requests[0]?.auth).toBe('x-api-key');
  });
});
