import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { analysisTool } from '@/lib/analysis/schemas/analysis-tools';
import { makeChartPng } from '@/tests/fixtures/images/make-images';
import { FAKE_ANTHROPIC_API_KEY, startFakeAnthropic, type FakeAnthropic } from './server';

let fake: FakeAnthropic;
let pngBase64: string;

beforeAll(async () => {
  fake = await startFakeAnthropic();
  pngBase64 = (await makeChartPng(64, 64)).toString('base64');
});
afterAll(() => fake.close());
beforeEach(() => fake.control.reset());

const HEADERS = { authorization: `Bearer ${FAKE_ANTHROPIC_API_KEY}`, 'anthropic-version': '2026-10-21', 'content-type': 'application/json' };

function image(data: string, mediaType = 'image/png') {
  return { type: 'image', source: { type: 'base64', media_type: mediaType, data } };
}

function body(extra: Record<string, unknown> = {}, content: unknown[] = [{ type: 'text', text: 'hi' }]) {
  return { model: 'claude-sonnet-4-6', max_tokens: 256, messages: [{ role: 'user', content }], ...extra };
}

async function post(payload: unknown, headers: Record<string, string> = HEADERS, path = '/v1/messages') {
  const res = await fetch(`${fake.url}${path}`, { method: 'POST', headers, body: JSON.stringify(payload) });
  const json: unknown = await res.json();
  return { status: res.status, headers: res.headers, json };
}

function errorMessage(json: unknown): string {
  if (typeof json === 'object' && json !== null && 'error' in json) {
    const error = json.error;
    if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  }
  return `not an error envelope: ${JSON.stringify(json)}`;
}

describe('fake Anthropic: auth and headers', () => {
  it('answers a missing or wrong key with the real 401 envelope and a request-id', async () => {
    const { authorization: _omitted, ...noAuth } = HEADERS;
    const missing = await post(body(), noAuth);
    expect(missing.status).toBe(401);
    expect(missing.json).toEqual({
      type: 'error',
      error: { type: 'authentication_error', message: 'x-api-key header is required' },
      request_id: missing.headers.get('request-id'),
    });
    expect(missing.headers.get('request-id')).toMatch(/^req_011[A-Za-z0-9]{22}$/);
    const wrong = await post(body(), { ...HEADERS, authorization: 'Bearer nope' });
    expect([wrong.status, errorMessage(wrong.json)]).toEqual([401, 'invalid x-api-key']);
  });

  it('accepts x-api-key as well as a Bearer token, and records neither', async () => {
    const { authorization: _omitted, ...noAuth } = HEADERS;
    expect((await post(body(), { ...noAuth, 'x-api-key': FAKE_ANTHROPIC_API_KEY })).status).toBe(200);
    expect(fake.control.requests[0]?.auth).toBe('x-api-key');
    expect(JSON.stringify(fake.control.requests)).not.toContain(FAKE_ANTHROPIC_API_KEY);
  });

  it('requires anthropic-version and knows both versions', async () => {
    const { 'anthropic-version': _omitted, ...noVersion } = HEADERS;
    expect(errorMessage((await post(body(), noVersion)).json)).toBe('anthropic-version: header is required');
    expect((await post(body(), { ...HEADERS, 'anthropic-version': '2099-01-01' })).status).toBe(400);
    expect((await post(body({ temperature: 0.2 }), { ...HEADERS, 'anthropic-version': '2023-06-01' })).status).toBe(200);
  });

  it('rejects temperature, top_p and top_k under 2026-10-21', async () => {
    const res = await post(body({ temperature: 0.2 }));
    expect(res.status).toBe(400);
    expect(errorMessage(res.json)).toMatch(/^temperature: Extra inputs are not permitted/);
  });
});

describe('fake Anthropic: body validation', () => {
  it('requires model, max_tokens and messages and refuses unknown fields', async () => {
    const { max_tokens: _omitted, ...noMax } = body();
    expect(errorMessage((await post(noMax)).json)).toMatch(/^max_tokens: /);
    expect(errorMessage((await post({ ...body(), messages: [] })).json)).toMatch(/^messages: at least one message/);
    expect(errorMessage((await post(body({ colour: 'blue' }))).json)).toMatch(/^colour: Extra inputs are not permitted/);
  });

  it('checks image media types against the list and against the bytes', async () => {
    const bmp = await post(body({}, [image(pngBase64, 'image/bmp'), { type: 'text', text: 'x' }]));
    expect(errorMessage(bmp.json)).toMatch(/^messages\.0\.content\.0\.source\.media_type: /);
    const lying = await post(body({}, [image(pngBase64, 'image/jpeg')]));
    expect(errorMessage(lying.json)).toBe(
      'messages.0.content.0.image.source.base64.media_type: Image does not match the provided media type image/jpeg',
    );
    const dataUrl = await post(body({}, [image(`data:image/png;base64,${pngBase64}`)]));
    expect(errorMessage(dataUrl.json)).toMatch(/not valid base64/);
  });

  it('refuses an image over 5 MB of base64 with the real message', async () => {
    const big = 'A'.repeat(5_242_884);
    expect(errorMessage((await post(body({}, [image(big)]))).json)).toBe(
      'messages.0.content.0.image.source.base64: image exceeds 5 MB maximum: 5242884 bytes > 5242880 bytes',
    );
  });

  it('enforces 8000 px per side, and 2000 px once a request has more than 20 images', async () => {
    const wide = (await sharp({ create: { width: 8001, height: 8, channels: 3, background: 'white' } }).png().toBuffer()).toString('base64');
    expect(errorMessage((await post(body({}, [image(wide)]))).json)).toMatch(/exceed max allowed size: 8000 pixels$/);
    const medium = (await sharp({ create: { width: 2001, height: 8, channels: 3, background: 'white' } }).png().toBuffer()).toString('base64');
    expect((await post(body({}, [image(medium)]))).status).toBe(200);
    const many = Array.from({ length: 21 }, () => image(medium));
    expect(errorMessage((await post(body({}, many))).json)).toMatch(/for many-image requests: 2000 pixels$/);
  });

  it('refuses more than 100 images', async () => {
    const res = await post(body({}, Array.from({ length: 101 }, () => image(pngBase64))));
    expect(errorMessage(res.json)).toBe('Too much media: 0 document pages + 101 images > 100');
  });

  it('checks tool_choice against the tools and tool_result against the previous tool_use', async () => {
    const tools = [analysisTool('chart')];
    expect(errorMessage((await post(body({ tools, tool_choice: { type: 'tool', name: 'other' } }))).json)).toMatch(
      /Tool 'other' not found/,
    );
    const orphan = body({}, [{ type: 'tool_result', tool_use_id: 'toolu_01x', content: 'x' }]);
    expect(errorMessage((await post(orphan)).json)).toMatch(/unexpected `tool_use_id`/);
    const unanswered = {
      ...body(),
      messages: [
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_01a', name: 'x', input: {} }] },
        { role: 'user', content: 'again' },
      ],
    };
    expect(errorMessage((await post(unanswered)).json)).toMatch(/ids were found without `tool_result` blocks/);
  });

  it('does not let an invalid request consume a scripted scenario', async () => {
    fake.control.enqueue({ kind: 'overloaded' });
    expect((await post({ model: 'x' })).status).toBe(400);
    expect(fake.control.pending()).toEqual([{ kind: 'overloaded' }]);
    expect((await post(body())).status).toBe(529);
  });

  it('answers an oversized body with 413', async () => {
    const res = await fetch(`${fake.url}/v1/messages`, { method: 'POST', headers: HEADERS, body: 'x'.repeat(32 * 1024 * 1024 + 1) });
    expect(res.status).toBe(413);
  });
});

describe('fake Anthropic: answers', () => {
  it('builds a schema-valid input for a tool it has no canned answer for', async () => {
    const tool = {
      name: 'record_mood',
      input_schema: {
        type: 'object',
        properties: { mood: { type: 'string', enum: ['calm', 'nervous'] }, score: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' }, minItems: 1 } },
        required: ['mood', 'score', 'tags'],
        additionalProperties: false,
      },
    };
    const res = await post(body({ tools: [tool], tool_choice: { type: 'tool', name: 'record_mood' } }));
    expect(res.json).toMatchObject({
      type: 'message',
      role: 'assistant',
      stop_reason: 'tool_use',
      content: [{ type: 'tool_use', name: 'record_mood', input: { mood: 'calm', score: 1, tags: ['example'] } }],
    });
  });

  it('fails loudly, and unretryably, when a canned answer does not fit the schema sent', async () => {
    fake.control.setAnswer('record_chart_analysis', { nonsense: true });
    const tools = [analysisTool('chart')];
    const res = await post(body({ tools, tool_choice: { type: 'tool', name: 'record_chart_analysis' } }));
    expect(res.status).toBe(500);
    expect(res.headers.get('x-should-retry')).toBe('false');
    expect(errorMessage(res.json)).toMatch(/canned answer for record_chart_analysis does not match/);
  });

  it('answers a request without tools with a text block', async () => {
    const res = await post(body());
    expect(res.json).toMatchObject({ stop_reason: 'end_turn', content: [{ type: 'text' }], model: 'claude-sonnet-4-6' });
  });

  it('404s unknown paths and, when configured, unknown models', async () => {
    expect((await post(body(), HEADERS, '/v1/complete')).status).toBe(404);
    const strict = await startFakeAnthropic({ models: ['claude-haiku-4-5'] });
    try {
      const res = await fetch(`${strict.url}/v1/messages`, { method: 'POST', headers: HEADERS, body: JSON.stringify(body()) });
      expect(res.status).toBe(404);
      expect(errorMessage(await res.json())).toBe('model: claude-sonnet-4-6');
    } finally {
      await strict.close();
    }
  });
});

describe('fake Anthropic: /__control over HTTP', () => {
  it('scripts scenarios and reports requests with image data elided', async () => {
    const control = (action: unknown) => post(action, { 'content-type': 'application/json' }, '/__control');
    expect((await control({ action: 'enqueue', scenario: { kind: 'overloaded' }, times: 2 })).status).toBe(200);
    expect((await post(body())).status).toBe(529);
    expect((await post(body())).status).toBe(529);
    expect((await post(body({}, [image(pngBase64)]))).status).toBe(200);
    const { json } = await control({ action: 'requests' });
    const text = JSON.stringify(json);
    expect(text).not.toContain(pngBase64);
    expect(text).toContain(`<base64, ${pngBase64.length} chars>`);
    expect(json).toMatchObject({ requests: [{ scenario: 'overloaded', status: 529 }, { status: 529 }, { status: 200, images: [{ mediaType: 'image/png', width: 64, height: 64 }] }] });
    expect((await control({ action: 'enqueue', scenario: { kind: 'nope' } })).status).toBe(400);
    await control({ action: 'reset' });
    expect((await control({ action: 'state' })).json).toEqual({ ok: true, pending: [], requestCount: 0 });
  });
});
