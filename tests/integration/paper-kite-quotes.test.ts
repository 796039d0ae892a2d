import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetEnvCache } from '@/lib/env';
import { seedBundledInstruments } from '@/lib/instruments/seed-bundled';
import { completeKiteConnect, startKiteConnect } from '@/lib/kite/connect';
import { saveKiteApp } from '@/lib/kite/credentials';
import { getMarketQuotes } from '@/lib/market-data/provider/market-quotes';
import { placeOrderSchema } from '@/lib/paper/orders/order-input';
import { placePaperOrder } from '@/lib/paper/orders/place-order';
import { type FakeKite, startFakeKite } from '@/tests/fakes/kite-server';
import { createTestUser } from '../support/users';

let kite: FakeKite;
const demo = { apiKey: 'tdsandboxdemo001', apiSecret: 'tdsandboxdemosecret0000000000001' };

beforeAll(async () => {
  await seedBundledInstruments();
  kite = await startFakeKite({ rateLimits: false });
  process.env.KITE_API_ROOT = kite.url;
  process.env.KITE_LOGIN_URL = kite.loginUrl;
  resetEnvCache();
});
afterAll(async () => {
  await kite.close();
  delete process.env.KITE_API_ROOT;
  delete process.env.KITE_LOGIN_URL;
  resetEnvCache();
});

async function linkedUser() {
  const user = await createTestUser('kite-paper');
  const sessionId = randomUUID();
  await saveKiteApp({ userId: user.id, apiKey: demo.apiKey, apiSecret: demo.apiSecret });
  const url = await startKiteConnect({ userId: user.id, sessionId });
  const state = new URLSearchParams(new URL(url ?? '').searchParams.get('redirect_params') ?? '').get('state') ?? '';
  const request_token = kite.control.issueRequestToken(demo.apiKey, 'AB1234');
  await completeKiteConnect({ userId: user.id, sessionId, query: { state, status: 'success', request_token } });
  return user;
}

describe('paper prices from a live Kite session', () => {
  it('a linked user gets Kite quotes (labelled kite) and orders record the source; others stay simulated', async () => {
    const linked = await linkedUser();
    const plain = await createTestUser('plain');
    const live = (await getMarketQuotes({ userId: linked.id, keys: ['NSE:INFY'] }))['NSE:INFY'] as { source: string; ask: string | null };
    expect(live.source).toBe('kite');
    const simulated = (await getMarketQuotes({ userId: plain.id, keys: ['NSE:INFY'] }))['NSE:INFY'] as { source: string };
    expect(simulated.source).toBe('simulated');
    const { order } = await placePaperOrder({
      userId: linked.id,
      input: placeOrderSchema.parse({ exchange: 'NSE', tradingsymbol: 'INFY', transaction_type: 'BUY', order_type: 'LIMIT', product: 'CNC', quantity: 1, price: '1.00' }),
    });
    expect(order.priceSource).toBe('kite');
  });
});
