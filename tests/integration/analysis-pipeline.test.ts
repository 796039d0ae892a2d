import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAnthropicClient } from '@/lib/analysis/claude/anthropic-client';
import { createAnalysis } from '@/lib/analysis/create-analysis';
import { deleteAnalysis } from '@/lib/analysis/delete-analysis';
import { getAnalysis } from '@/lib/analysis/get-analysis';
import { analysisJobHandler } from '@/lib/analysis/jobs/analysis-job-handler';
import { ANALYSIS_JOB_KIND } from '@/lib/analysis/jobs/analysis-job-kind';
import { listAnalyses } from '@/lib/analysis/list-analyses';
import { parseAnalysisUpload } from '@/lib/analysis/parse-analysis-upload';
import { readAnalysisImage } from '@/lib/analysis/read-analysis-image';
import type { UserId } from '@/lib/auth/user-id';
import { db } from '@/lib/db/client';
import { resetEnvCache } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { runDueJobs } from '@/lib/jobs/run-due-jobs';
import { listJournalTrades } from '@/lib/journal/list-journal-trades';
import { saveScreenshotTrades } from '@/lib/journal/save-screenshot-trades';
import { scenarios } from '@/tests/fakes/anthropic-server/scenarios';
import { FAKE_ANTHROPIC_API_KEY, startFakeAnthropic, type FakeAnthropic } from '@/tests/fakes/anthropic-server/server';
import { SVG_BYTES, makeChartPng } from '@/tests/fixtures/images/make-images';
import { seedBundledInstruments } from '@/lib/instruments/seed-bundled';
import { placeOrderSchema } from '@/lib/paper/orders/order-input';
import { placePaperOrder } from '@/lib/paper/orders/place-order';
import { createTestUser } from '../support/users';

const MODEL = 'claude-sonnet-4-6';
let fake: FakeAnthropic;
let chart: Buffer;
let bigChart: Buffer;

beforeAll(async () => {
  fake = await startFakeAnthropic();
  process.env.ANTHROPIC_API_KEY = FAKE_ANTHROPIC_API_KEY;
  process.env.ANTHROPIC_BASE_URL = fake.url;
  process.env.ANALYSIS_DAILY_QUOTA = '3';
  resetEnvCache();
  chart = await makeChartPng(1200, 700);
  bigChart = await makeChartPng(4000, 2500);
});
afterAll(async () => {
  await fake.close();
  delete process.env.ANTHROPIC_API_KEY;
  delete process.env.ANTHROPIC_BASE_URL;
  delete process.env.ANALYSIS_DAILY_QUOTA;
  resetEnvCache();
});
beforeEach(() => fake.control.reset());

const handlers = () => ({
  [ANALYSIS_JOB_KIND]: analysisJobHandler({
    client: () => createAnthropicClient({ apiKey: FAKE_ANTHROPIC_API_KEY, baseURL: fake.url, maxRetries: 2 }),
    model: MODEL,
  }),
});
const work = () => runDueJobs({ handlers: handlers(), workerId: 'test-worker', retryDelayMs: 0 });

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (error instanceof AppError) return error;
  throw new Error(`expected an AppError, got ${String(error)}`);
}

function sentText(index: number): string {
  const body = fake.control.requests[index]?.body as { messages: { content: { type: string; text?: string }[] }[] };
  return body.messages[0]?.content.filter((b) => b.type === 'text').map((b) => b.text).join('\n') ?? '';
}

function multipart(fields: [string, string | Blob][]): Request {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  return new Request('http://localhost/api/v1/analyses', { method: 'POST', body: form });
}

const png = (bytes: Uint8Array, name = 'chart.png') => new File([new Uint8Array(bytes)], name, { type: 'image/png' });

async function analysesOf(userId: UserId): Promise<number> {
  return db().analysis.count({ where: { userId } });
}

describe('analysis job lifecycle', () => {
  it('stores a queued analysis with its images and job, then the worker fills in the result', async () => {
    const user = await createTestUser('lifecycle');
    const created = await createAnalysis({ userId: user.id, kind: 'chart', question: 'Where is support?', useHistory: false, images: [bigChart] });
    expect(created).toMatchObject({ status: 'queued', kind: 'chart', question: 'Where is support?', use_history: false, seen_before: [] });
    expect(created.images).toEqual([expect.objectContaining({ position: 0, width: 1356, height: 847, media_type: 'image/png', url: `/api/v1/analyses/${created.id}/images/0` })]);
    const job = await db().job.findFirstOrThrow({ where: { ownerId: user.id } });
    expect(job).toMatchObject({ kind: ANALYSIS_JOB_KIND, status: 'QUEUED', payload: { analysisId: created.id } });

    expect(await work()).toMatchObject({ succeeded: 1 });
    const done = await getAnalysis({ userId: user.id, analysisId: created.id });
    expect(done).toMatchObject({ status: 'succeeded', instrument: 'INFY', model: MODEL, prompt_version: 'analysis-v1', failure_reason: null });
    expect(done.result).toMatchObject({ trade_plan: { direction: 'long', entry: '1872.4', stop: '1851.9' } });
    expect(done.input_tokens).toBeGreaterThan(0);
    expect(Number(done.cost_usd)).toBeGreaterThan(0);
    expect((await db().job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe('SUCCEEDED');

    // What was sent: one downscaled PNG, the question, and no trade history.
    expect(fake.control.requests).toHaveLength(1);
    expect(fake.control.requests[0]?.images).toEqual([expect.objectContaining({ mediaType: 'image/png', width: 1356, height: 847 })]);
    expect(sentText(0)).toContain('Where is support?');
    expect(sentText(0)).not.toContain('trade_history');
    expect(fake.control.requests[0]?.auth).toBe('bearer');
  });

  it('puts only the owner\'s journal into the prompt, and only when asked', async () => {
    const alice = await createTestUser('alice');
    const bob = await createTestUser('bob');
    const trade = (userId: UserId, symbol: string) => ({
      userId, source: 'PAPER' as const, dedupeKey: `t-${symbol}`, exchange: 'NSE', tradingsymbol: symbol,
      transactionType: 'BUY', quantity: 5, price: '101.5', tradedAt: new Date('2026-11-19T05:00:00Z'),
    });
    await db().journalTrade.createMany({ data: [trade(alice.id, 'ALICEONLY'), trade(bob.id, 'BOBSECRET')] });
    // Real paper orders, so the positions reconcile with their fills like any other.
    await seedBundledInstruments();
    const position = (userId: UserId, tradingsymbol: string) =>
      placePaperOrder({ userId, input: placeOrderSchema.parse({ exchange: 'NSE', tradingsymbol, transaction_type: 'BUY', order_type: 'MARKET', product: 'MIS', quantity: 7 }) });
    const { order: aliceOrder } = await position(alice.id, 'SBIN');
    await position(bob.id, 'ITC');
    const kiteTrade = { trade_id: '1', order_id: '2', exchange: 'NSE', tradingsymbol: 'ALICEKITE', instrument_token: 1, product: 'CNC', average_price: 99.05, quantity: 3, transaction_type: 'SELL', fill_timestamp: '2026-11-20 10:15:00' };
    await db().portfolioSnapshot.create({ data: { userId: alice.id, kind: 'TRADES', payload: [kiteTrade], fetchedAt: new Date() } });
    await db().portfolioSnapshot.create({ data: { userId: bob.id, kind: 'TRADES', payload: [{ ...kiteTrade, tradingsymbol: 'BOBKITE' }], fetchedAt: new Date() } });
    await createAnalysis({ userId: alice.id, kind: 'chart', useHistory: true, images: [chart] });
    await work();
    expect(sentText(0)).toContain('<trade_history>');
    expect(sentText(0)).toContain('ALICEONLY');
    expect(aliceOrder.status).toBe('COMPLETE');
    expect(sentText(0)).toMatch(/SBIN[^\n]*7/);
    expect(sentText(0)).toMatch(/2026-11-20 10:15[^\n]*ALICEKITE[^\n]*SELL[^\n]*3[^\n]*99\.05/);
    expect(sentText(0)).not.toContain('BOBKITE');
    expect(sentText(0)).not.toContain('BOBSECRET');
    expect(sentText(0)).not.toContain('ITC');
  });

  it('rides out 429 and 529 through the SDK retries', async () => {
    const user = await createTestUser('retries');
    fake.control.enqueue(scenarios.rateLimited({ retryAfterMs: 10 }));
    fake.control.enqueue(scenarios.overloaded({ retryAfterMs: 10 }));
    const created = await createAnalysis({ userId: user.id, kind: 'chart', useHistory: false, images: [chart] });
    await work();
    expect(fake.control.requests.map((r) => [r.retryCount, r.status])).toEqual([[0, 429], [1, 529], [2, 200]]);
    expect((await getAnalysis({ userId: user.id, analysisId: created.id })).status).toBe('succeeded');
  });

  it('re-queues the job when Claude stays overloaded past the SDK retries, and succeeds later', async () => {
    const user = await createTestUser('outage');
    fake.control.enqueue(scenarios.overloaded({ retryAfterMs: 5 }), 3);
    const created = await createAnalysis({ userId: user.id, kind: 'chart', useHistory: false, images: [chart] });
    const first = await runDueJobs({ handlers: handlers(), workerId: 'w', retryDelayMs: 60_000 });
    expect(first).toMatchObject({ retried: 1, succeeded: 0 });
    const waiting = await getAnalysis({ userId: user.id, analysisId: created.id });
    expect(waiting.status).toBe('queued');
    expect(waiting.failure_reason).toMatch(/overloaded.*Trying again/);
    await db().job.updateMany({ where: { ownerId: user.id }, data: { runAt: new Date() } });
    await work();
    expect(await getAnalysis({ userId: user.id, analysisId: created.id })).toMatchObject({ status: 'succeeded', failure_reason: null });
  });

  it('repairs an invalid answer once, then fails clearly if the repair is invalid too', async () => {
    const user = await createTestUser('repair');
    fake.control.enqueue(scenarios.invalidJson());
    const repaired = await createAnalysis({ userId: user.id, kind: 'chart', useHistory: false, images: [chart] });
    await work();
    expect(fake.control.requests).toHaveLength(2);
    const second = fake.control.requests[1]?.body as { messages: { role: string }[] };
    expect(second.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect((await getAnalysis({ userId: user.id, analysisId: repaired.id })).status).toBe('succeeded');

    fake.control.reset();
    fake.control.enqueue(scenarios.invalidJson(), 2);
    const broken = await createAnalysis({ userId: user.id, kind: 'chart', useHistory: false, images: [await makeChartPng(900, 500)] });
    await work();
    const failed = await getAnalysis({ userId: user.id, analysisId: broken.id });
    expect(failed.status).toBe('failed');
    expect(failed.failure_reason).toMatch(/did not match the expected format, even after one correction/);
    expect(failed.input_tokens).toBeGreaterThan(0);
  });

  it('bounds each job with an overall timeout, then retries it', async () => {
    const user = await createTestUser('slow');
    fake.control.enqueue(scenarios.slow({ ms: 10_000 }));
    const created = await createAnalysis({ userId: user.id, kind: 'chart', useHistory: false, images: [await makeChartPng(640, 480)] });
    await db().job.updateMany({ where: { ownerId: user.id }, data: { runAt: new Date(0) } });
    const started = Date.now();
    const outcome = await runDueJobs({ handlers: handlers(), workerId: 'w', jobTimeoutMs: 300, retryDelayMs: 60_000, maxJobs: 1 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(outcome).toMatchObject({ retried: 1 });
    expect((await getAnalysis({ userId: user.id, analysisId: created.id })).failure_reason).toMatch(/took too long/);
  });

  it('answers 503 with how to configure it when no API key is set', async () => {
    const user = await createTestUser('unconfigured');
    delete process.env.ANTHROPIC_API_KEY;
    resetEnvCache();
    try {
      const error = await errorOf(createAnalysis({ userId: user.id, kind: 'chart', useHistory: false, images: [chart] }));
      expect(error).toMatchObject({ status: 503, code: 'service_unavailable' });
      expect(error.message).toMatch(/ANTHROPIC_API_KEY/);
    } finally {
      process.env.ANTHROPIC_API_KEY = FAKE_ANTHROPIC_API_KEY;
      resetEnvCache();
    }
    expect(await analysesOf(user.id)).toBe(0);
  });

  it('fails with a plain reason on a refusal and on a 400', async () => {
    const user = await createTestUser('refusal');
    fake.control.enqueue(scenarios.refusal());
    fake.control.enqueue(scenarios.badRequest('messages.0: something off'));
    const a = await createAnalysis({ userId: user.id, kind: 'chart', useHistory: false, images: [chart] });
    await work();
    const b = await createAnalysis({ userId: user.id, kind: 'broker', useHistory: false, images: [chart] });
    await work();
    expect((await getAnalysis({ userId: user.id, analysisId: a.id })).failure_reason).toBe('Claude declined to analyse these images.');
    const bad = await getAnalysis({ userId: user.id, analysisId: b.id });
    expect(bad.failure_reason).toBe('Claude refused the request (HTTP 400).');
  });
});

describe('analysis uploads', () => {
  it('enforces the daily quota with a 429 and stores nothing more', async () => {
    const user = await createTestUser('quota');
    for (let i = 0; i < 3; i++) await createAnalysis({ userId: user.id, kind: 'chart', useHistory: false, images: [await makeChartPng(600 + i, 400)] });
    const error = await errorOf(createAnalysis({ userId: user.id, kind: 'chart', useHistory: false, images: [chart] }));
    expect(error).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(error.message).toMatch(/all 3 analyses for today/);
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(await analysesOf(user.id)).toBe(3);
    // Deleting an analysis does not hand its quota back.
    const [oldest] = await listAnalyses({ userId: user.id });
    await deleteAnalysis({ userId: user.id, analysisId: oldest!.id });
    expect(await errorOf(createAnalysis({ userId: user.id, kind: 'chart', useHistory: false, images: [chart] }))).toMatchObject({ status: 429 });
  });

  it('refuses the same image twice in one upload and notes an image seen in an earlier analysis', async () => {
    const user = await createTestUser('dupes');
    const error = await errorOf(createAnalysis({ userId: user.id, kind: 'chart', useHistory: false, images: [chart, chart] }));
    expect(error).toMatchObject({ status: 400, fields: { images: ['Image 2 is the same picture as image 1; remove one of them.'] } });
    expect(await analysesOf(user.id)).toBe(0);
    const first = await createAnalysis({ userId: user.id, kind: 'chart', useHistory: false, images: [chart] });
    const again = await createAnalysis({ userId: user.id, kind: 'chart', useHistory: false, images: [await makeChartPng(500, 300), chart] });
    expect(again.seen_before).toEqual([{ position: 1, analysis_id: first.id }]);
  });

  it('refuses bad multipart input with clear field errors, storing nothing', async () => {
    const user = await createTestUser('badinput');
    const cases: [Request, number, string][] = [
      [multipart([['images', png(chart)], ['kind', 'poem']]), 400, 'kind'],
      [multipart([['images', png(chart)], ['kind', 'chart'], ['question', 'x'.repeat(2001)]]), 400, 'question'],
      [multipart([['images', 'not a file'], ['kind', 'chart']]), 400, 'images'],
      [multipart([['kind', 'chart']]), 400, 'images'],
      [multipart([...Array.from({ length: 6 }, () => ['images', png(chart)] as [string, Blob]), ['kind', 'chart']]), 400, 'images'],
      [multipart([['images', png(chart)], ['kind', 'chart'], ['use_history', 'maybe']]), 400, 'use_history'],
      [multipart([['images', png(chart)], ['kind', 'chart'], ['admin', 'true']]), 400, 'admin'],
    ];
    for (const [request, status, field] of cases) {
      const error = await errorOf(parseAnalysisUpload(request));
      expect(error.status).toBe(status);
      expect(Object.keys(error.fields ?? {})).toContain(field);
    }
    const json = new Request('http://localhost/x', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect((await errorOf(parseAnalysisUpload(json))).status).toBe(415);

    const svg = await parseAnalysisUpload(multipart([['images', new File([SVG_BYTES], 'x.png')], ['kind', 'chart']]));
    const svgError = await errorOf(createAnalysis({ userId: user.id, ...svg }));
    expect(svgError).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    const truncated = await errorOf(createAnalysis({ userId: user.id, kind: 'chart', useHistory: false, images: [chart.subarray(0, chart.length / 2)] }));
    expect(truncated).toMatchObject({ status: 400, fields: { images: [expect.stringMatching(/^Image 1: The image is damaged/)] } });
    expect(await analysesOf(user.id)).toBe(0);
    expect(await db().job.count({ where: { ownerId: user.id } })).toBe(0);
  });
});

describe('two users', () => {
  it('keeps one user\'s analyses, images and journal saves away from another', async () => {
    const alice = await createTestUser('alice');
    const bob = await createTestUser('bob');
    const mine = await createAnalysis({ userId: alice.id, kind: 'broker', useHistory: false, images: [chart] });
    await work();

    const asBob = [
      () => getAnalysis({ userId: bob.id, analysisId: mine.id }),
      () => readAnalysisImage({ userId: bob.id, analysisId: mine.id, position: '0' }),
      () => deleteAnalysis({ userId: bob.id, analysisId: mine.id }),
      () => saveScreenshotTrades({ userId: bob.id, analysisId: mine.id, trades: [] }),
    ];
    for (const attempt of asBob) expect(await errorOf(attempt())).toMatchObject({ status: 404 });
    expect(await listAnalyses({ userId: bob.id })).toEqual([]);

    expect((await getAnalysis({ userId: alice.id, analysisId: mine.id })).status).toBe('succeeded');
    const image = await readAnalysisImage({ userId: alice.id, analysisId: mine.id, position: '0' });
    expect(image.mediaType).toBe('image/png');
    expect(image.data.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect((await listAnalyses({ userId: alice.id })).map((a) => a.id)).toEqual([mine.id]);
  });
});

describe('broker screenshots to the journal', () => {
  it('saves reviewed trades once and reports duplicates', async () => {
    const user = await createTestUser('journal');
    const created = await createAnalysis({ userId: user.id, kind: 'broker', useHistory: false, images: [chart] });
    await work();
    const done = await getAnalysis({ userId: user.id, analysisId: created.id });
    expect(done.instrument).toBe('INFY, NIFTY26NOV24000CE');
    const trades = [
      { tradingsymbol: 'INFY', exchange: 'NSE' as const, transaction_type: 'BUY' as const, quantity: 12, price: '1872.4', traded_at: '2026-11-20T09:32:14+05:30', product: 'MIS' as const },
      { tradingsymbol: 'TCS', exchange: 'NSE' as const, transaction_type: 'SELL' as const, quantity: 1, price: '4100', traded_at: '2026-11-20T10:00:00+05:30' },
    ];
    expect(await saveScreenshotTrades({ userId: user.id, analysisId: created.id, trades })).toEqual({ saved: 2, duplicates: [] });
    expect(await saveScreenshotTrades({ userId: user.id, analysisId: created.id, trades: [trades[1]!, trades[1]!] })).toEqual({ saved: 0, duplicates: [0, 1] });
    const journal = await listJournalTrades({ userId: user.id, limit: 10 });
    expect(journal.map((t) => [t.tradingsymbol, t.quantity, t.price, t.source])).toEqual([
      ['TCS', 1, '4100.00', 'screenshot'],
      ['INFY', 12, '1872.40', 'screenshot'],
    ]);

    const chartAnalysis = await createAnalysis({ userId: user.id, kind: 'chart', useHistory: false, images: [await makeChartPng(700, 400)] });
    expect(await errorOf(saveScreenshotTrades({ userId: user.id, analysisId: chartAnalysis.id, trades }))).toMatchObject({ status: 409 });
  });
});
