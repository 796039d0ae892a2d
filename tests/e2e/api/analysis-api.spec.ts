import { expect, test, type APIRequestContext } from '@playwright/test';
import sharp from 'sharp';
import { registerViaApi, signInViaApi } from '../fixtures';

type Analysis = { id: string; status: string; instrument: string | null; result: { trade_plan?: { entry: string } } | null; images: { url: string; width: number }[] };

async function chartPng(width: number, height: number, seed: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#131722"/>
    <rect x="${seed % 200}" y="100" width="40" height="200" fill="#26a69a"/><text x="20" y="40" fill="#fff" font-size="28">INFY 15 NSE</text></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

function upload(images: { name: string; buffer: Buffer; type?: string }[], fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const image of images) form.append('images', new File([new Uint8Array(image.buffer)], image.name, { type: image.type ?? 'image/png' }));
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  return form;
}

async function signedIn(playwright: { request: { newContext: (o: { baseURL?: string }) => Promise<APIRequestContext> } }, baseURL: string | undefined) {
  const context = await playwright.request.newContext({ baseURL });
  await signInViaApi(context, await registerViaApi(context));
  return context;
}

async function waitForFinish(context: APIRequestContext, id: string): Promise<Analysis> {
  let latest: Analysis | undefined;
  await expect
    .poll(async () => {
      latest = ((await (await context.get(`/api/v1/analyses/${id}`)).json()) as { analysis: Analysis }).analysis;
      return latest.status;
    }, { timeout: 20_000 })
    .toMatch(/succeeded|failed/);
  return latest!;
}

test('upload, analyse, read, serve the image only to its owner, delete', async ({ playwright, baseURL }) => {
  const alice = await signedIn(playwright, baseURL);
  const bob = await signedIn(playwright, baseURL);

  const big = await chartPng(4000, 2500, 1);
  const created = await alice.post('/api/v1/analyses', { multipart: upload([{ name: 'chart.png', buffer: big }], { kind: 'chart', question: 'Where is support?', use_history: 'true' }) });
  expect(created.status()).toBe(202);
  const { analysis } = (await created.json()) as { analysis: Analysis };
  expect(['queued', 'running', 'succeeded']).toContain(analysis.status);
  expect(analysis.images[0]?.width).toBe(1356);

  const done = await waitForFinish(alice, analysis.id);
  expect(done).toMatchObject({ status: 'succeeded', instrument: 'INFY', result: { trade_plan: { entry: '1872.4' } } });

  const image = await alice.get(`/api/v1/analyses/${analysis.id}/images/0`);
  expect(image.status()).toBe(200);
  expect(image.headers()['content-type']).toBe('image/png');
  expect(image.headers()['cache-control']).toBe('no-store');
  expect((await sharp(await image.body()).metadata()).width).toBe(1356);

  // Bob cannot read, list, fetch the image of, or delete Alice's analysis; it looks missing.
  for (const path of [`/api/v1/analyses/${analysis.id}`, `/api/v1/analyses/${analysis.id}/images/0`]) {
    const response = await bob.get(path);
    expect(response.status()).toBe(404);
    expect(await response.text()).not.toContain('INFY');
  }
  expect((await bob.delete(`/api/v1/analyses/${analysis.id}`)).status()).toBe(404);
  expect(((await (await bob.get('/api/v1/analyses')).json()) as { analyses: unknown[] }).analyses).toEqual([]);
  const list = (await (await alice.get('/api/v1/analyses?kind=chart&instrument=inf')).json()) as { analyses: Analysis[] };
  expect(list.analyses.map((a) => a.id)).toEqual([analysis.id]);
  expect(list.analyses[0]?.images[0]?.url).toBe(`/api/v1/analyses/${analysis.id}/images/0`);

  expect((await alice.delete(`/api/v1/analyses/${analysis.id}`)).status()).toBe(204);
  expect((await alice.get(`/api/v1/analyses/${analysis.id}`)).status()).toBe(404);
  expect((await alice.get(`/api/v1/analyses/${analysis.id}/images/0`)).status()).toBe(404);
  await Promise.all([alice.dispose(), bob.dispose()]);
});

test('bad uploads get a clear 4xx and store nothing', async ({ playwright, baseURL }) => {
  const user = await signedIn(playwright, baseURL);
  const png = await chartPng(800, 500, 2);
  const cases: [FormData, number, string][] = [
    [upload([{ name: 'a.png', buffer: png }], { kind: 'poem' }), 400, 'kind'],
    [upload([{ name: 'a.png', buffer: png }], { kind: 'chart', question: 'x'.repeat(2001) }), 400, 'question'],
    [upload([], { kind: 'chart', images: 'not a file' }), 400, 'images'],
    [upload(Array.from({ length: 6 }, (_, i) => ({ name: `${i}.png`, buffer: png })), { kind: 'chart' }), 400, 'images'],
    [upload([{ name: 'evil.png', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>') }], { kind: 'chart' }), 415, 'images'],
    [upload([{ name: 'prog.png', buffer: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(64)]) }], { kind: 'chart' }), 415, 'images'],
    [upload([{ name: 'empty.png', buffer: Buffer.alloc(0) }], { kind: 'chart' }), 400, 'images'],
    [upload([{ name: 'cut.png', buffer: png.subarray(0, png.length / 2) }], { kind: 'chart' }), 400, 'images'],
  ];
  for (const [form, status, field] of cases) {
    const response = await user.post('/api/v1/analyses', { multipart: form });
    expect(response.status(), field).toBe(status);
    const body = (await response.json()) as { error: { code: string; message: string; fields?: Record<string, string[]> } };
    expect(body.error.message.length).toBeGreaterThan(5);
    expect(Object.keys(body.error.fields ?? {})).toContain(field);
  }
  const json = await user.post('/api/v1/analyses', { data: { kind: 'chart' } });
  expect(json.status()).toBe(415);
  expect(((await (await user.get('/api/v1/analyses')).json()) as { analyses: unknown[] }).analyses).toEqual([]);
  await user.dispose();
});

test('the journal lists trades saved from a broker screenshot; the cron route is off without a secret', async ({ playwright, baseURL }) => {
  const user = await signedIn(playwright, baseURL);
  const created = await user.post('/api/v1/analyses', { multipart: upload([{ name: 'tb.png', buffer: await chartPng(900, 600, 3) }], { kind: 'broker' }) });
  const { analysis } = (await created.json()) as { analysis: Analysis };
  await waitForFinish(user, analysis.id);
  const trade = { tradingsymbol: 'INFY', exchange: 'NSE', transaction_type: 'BUY', quantity: 10, price: '1872.40', traded_at: '2026-11-20T09:32:14+05:30', product: 'MIS' };
  const saved = await user.post(`/api/v1/analyses/${analysis.id}/journal`, { data: { trades: [trade] } });
  expect(saved.status()).toBe(201);
  expect(await saved.json()).toEqual({ saved: 1, duplicates: [] });
  const bad = await user.post(`/api/v1/analyses/${analysis.id}/journal`, { data: { trades: [{ ...trade, price: '-1', quantity: 0 }] } });
  expect(bad.status()).toBe(400);
  expect(Object.keys(((await bad.json()) as { error: { fields: object } }).error.fields)).toEqual(expect.arrayContaining(['trades.0.price', 'trades.0.quantity']));
  const journal = (await (await user.get('/api/v1/journal?tradingsymbol=infy')).json()) as { trades: { tradingsymbol: string; price: string; source: string }[] };
  expect(journal.trades).toEqual([expect.objectContaining({ tradingsymbol: 'INFY', price: '1872.40', source: 'screenshot' })]);
  expect((await user.get('/api/cron/jobs')).status()).toBe(404);
  await user.dispose();
});
