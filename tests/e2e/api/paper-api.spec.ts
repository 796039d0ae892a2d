import { expect, test, type APIRequestContext } from '@playwright/test';
import { registerViaApi, signInViaApi } from '../fixtures';

type Quote = { last_price: string; bid: string; ask: string; source: string; timestamp: string };

async function signedIn(playwright: { request: { newContext: (o: { baseURL?: string }) => Promise<APIRequestContext> } }, baseURL: string | undefined) {
  const context = await playwright.request.newContext({ baseURL });
  await signInViaApi(context, await registerViaApi(context));
  return context;
}

async function quote(context: APIRequestContext, key = 'NSE:INFY'): Promise<Quote> {
  const response = await context.get(`/api/v1/market/quote?i=${encodeURIComponent(key)}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { quotes: Record<string, Quote> }).quotes[key] as Quote;
}

// INFY's tick is 0.05: round a price to it in integer paise, never with float money arithmetic.
const onTick = (rupees: string, factor: number, direction: 'up' | 'down') => {
  const paise = Math.round(Number(rupees) * 100 * factor);
  const ticks = direction === 'up' ? Math.ceil(paise / 5) : Math.floor(paise / 5);
  return (ticks * 5 / 100).toFixed(2);
};

test('market quote: labelled with source and time; bad keys are 400', async ({ playwright, baseURL }) => {
  const a = await signedIn(playwright, baseURL);
  const q = await quote(a);
  expect(q.source).toBe('simulated');
  expect(Number(q.ask)).toBeGreaterThan(Number(q.bid));
  expect(Date.now() - new Date(q.timestamp).getTime()).toBeLessThan(10_000);
  expect((await a.get('/api/v1/market/quote?i=INFY')).status()).toBe(400);
  await a.dispose();
});

test('orders: a marketable LIMIT fills with charges; idempotent replay; reused key with another body is 422', async ({ playwright, baseURL }) => {
  const a = await signedIn(playwright, baseURL);
  const q = await quote(a);
  const body = { exchange: 'NSE', tradingsymbol: 'INFY', transaction_type: 'BUY', order_type: 'LIMIT', product: 'CNC', quantity: 5, price: onTick(q.ask, 1.01, 'up') };
  const first = await a.post('/api/v1/paper/orders', { data: body, headers: { 'Idempotency-Key': 'order-1' } });
  expect(first.status()).toBe(201);
  const placed = ((await first.json()) as { order: { order_id: string; status: string; average_price: number } }).order;
  expect(placed.status).toBe('COMPLETE');
  const replay = await a.post('/api/v1/paper/orders', { data: body, headers: { 'Idempotency-Key': 'order-1' } });
  expect(replay.status()).toBe(200);
  expect(((await replay.json()) as { order: { order_id: string } }).order.order_id).toBe(placed.order_id);
  const reused = await a.post('/api/v1/paper/orders', { data: { ...body, quantity: 6 }, headers: { 'Idempotency-Key': 'order-1' } });
  expect(reused.status()).toBe(422);

  const trades = ((await (await a.get('/api/v1/paper/trades')).json()) as { trades: { charges: Record<string, unknown> }[] }).trades;
  expect(trades).toHaveLength(1);
  expect(trades[0]?.charges).toMatchObject({ brokerage: '0.00', transaction_tax_type: 'stt', gst: { total: expect.any(String) }, total: expect.any(String) });
  const positions = ((await (await a.get('/api/v1/paper/positions')).json()) as { positions: { quantity: number; price_source: string }[] }).positions;
  expect(positions[0]).toMatchObject({ quantity: 5, price_source: 'simulated' });
  const holdings = ((await (await a.get('/api/v1/paper/holdings')).json()) as { holdings: { t1_quantity: number }[] }).holdings;
  expect(holdings[0]?.t1_quantity).toBe(5);
  const ledger = ((await (await a.get('/api/v1/paper/ledger')).json()) as { ledger: { kind: string }[] }).ledger;
  expect(ledger.map((l) => l.kind)).toEqual(expect.arrayContaining(['OPENING_BALANCE', 'MARGIN_BLOCK', 'MARGIN_RELEASE', 'TRADE_DEBIT', 'CHARGE']));
  const stats = ((await (await a.get('/api/v1/paper/stats?period=all')).json()) as { stats: { total_charges: string; equity_curve: unknown[] } }).stats;
  expect(Number(stats.total_charges)).toBeGreaterThan(0);
  expect(stats.equity_curve.length).toBe(2);
  await a.dispose();
});

test('bad input is a clear 4xx and leaves the balance untouched', async ({ playwright, baseURL }) => {
  const a = await signedIn(playwright, baseURL);
  const base = { exchange: 'NSE', tradingsymbol: 'INFY', transaction_type: 'BUY', order_type: 'LIMIT', product: 'CNC', quantity: 1, price: '1500.00' };
  const cases: [Record<string, unknown>, number][] = [
    [{ quantity: 0 }, 400], [{ quantity: -5 }, 400], [{ quantity: 1.5 }, 400], [{ quantity: 1e12 }, 400],
    [{ price: '1500.03' }, 400], [{ tradingsymbol: 'NOSUCH' }, 400], [{ order_type: 'SL' }, 400], [{ product: 'NRML' }, 400],
  ];
  for (const [change, status] of cases) {
    const response = await a.post('/api/v1/paper/orders', { data: { ...base, ...change } });
    expect(response.status(), JSON.stringify(change)).toBe(status);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('validation_failed');
  }
  expect((await a.post('/api/v1/paper/orders', { data: 'not json', headers: { 'content-type': 'application/json' } })).status()).toBe(400);
  expect((await a.delete('/api/v1/paper/orders/not-a-uuid')).status()).toBe(404);
  expect((await a.post('/api/v1/paper/reset', { data: {} })).status()).toBe(400);
  const account = ((await (await a.get('/api/v1/paper/account')).json()) as { account: { available: string } }).account;
  expect(account.available).toBe('100000.00');
  await a.dispose();
});

test('modify, cancel and the 409 on a finished order', async ({ playwright, baseURL }) => {
  const a = await signedIn(playwright, baseURL);
  const q = await quote(a);
  const low = onTick(q.bid, 0.9, 'down');
  const placed = ((await (await a.post('/api/v1/paper/orders', { data: { exchange: 'NSE', tradingsymbol: 'INFY', transaction_type: 'BUY', order_type: 'LIMIT', product: 'CNC', quantity: 2, price: low } })).json()) as { order: { order_id: string; status: string } }).order;
  expect(placed.status).toBe('OPEN');
  const modified = await a.patch(`/api/v1/paper/orders/${placed.order_id}`, { data: { quantity: 3 } });
  expect(modified.status()).toBe(200);
  expect(((await modified.json()) as { order: { quantity: number } }).order.quantity).toBe(3);
  expect((await a.patch(`/api/v1/paper/orders/${placed.order_id}`, { data: { price: '1500.03' } })).status()).toBe(400);
  const cancelled = await a.delete(`/api/v1/paper/orders/${placed.order_id}`);
  expect(((await cancelled.json()) as { order: { status: string } }).order.status).toBe('CANCELLED');
  expect((await a.delete(`/api/v1/paper/orders/${placed.order_id}`)).status()).toBe(409);
  expect((await a.patch(`/api/v1/paper/orders/${placed.order_id}`, { data: { quantity: 1 } })).status()).toBe(409);
  const account = ((await (await a.get('/api/v1/paper/account')).json()) as { account: { available: string; used_margin: string } }).account;
  expect(account).toMatchObject({ available: '100000.00', used_margin: '0.00' });
  await a.dispose();
});

test('two users: B cannot read, change or detect A’s paper data on any route; A still can', async ({ playwright, baseURL }) => {
  const a = await signedIn(playwright, baseURL);
  const b = await signedIn(playwright, baseURL);
  const q = await quote(a);
  const placed = ((await (await a.post('/api/v1/paper/orders', { data: { exchange: 'NSE', tradingsymbol: 'INFY', transaction_type: 'BUY', order_type: 'LIMIT', product: 'CNC', quantity: 1, price: onTick(q.bid, 0.9, 'down') } })).json()) as { order: { order_id: string } }).order;
  const aAccount = ((await (await a.get('/api/v1/paper/account')).json()) as { account: { id: string } }).account;
  const id = placed.order_id;
  for (const response of [await b.get(`/api/v1/paper/orders/${id}`), await b.patch(`/api/v1/paper/orders/${id}`, { data: { quantity: 2 } }), await b.delete(`/api/v1/paper/orders/${id}`)]) {
    expect(response.status()).toBe(404);
  }
  const missing = await b.get('/api/v1/paper/orders/00000000-0000-4000-8000-000000000000');
  expect(missing.status()).toBe(404);
  for (const path of ['orders', 'positions', 'holdings', 'trades', 'ledger', 'stats', 'account']) {
    const own = await b.get(`/api/v1/paper/${path}`);
    expect(own.status()).toBe(200);
    expect(await own.text()).not.toContain(id);
    expect((await b.get(`/api/v1/paper/${path}?account_id=${aAccount.id}`)).status()).toBe(404);
  }
  expect(((await (await a.get(`/api/v1/paper/orders/${id}`)).json()) as { order: { status: string } }).order.status).toBe('OPEN');
  await Promise.all([a.dispose(), b.dispose()]);
});

test('signed-out requests are 401 and the cron route does not exist without a secret', async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get('/api/v1/paper/orders')).status()).toBe(401);
  expect((await anonymous.get('/api/v1/market/quote?i=NSE:INFY')).status()).toBe(401);
  expect((await anonymous.post('/api/cron/paper')).status()).toBe(404);
  await anonymous.dispose();
});
