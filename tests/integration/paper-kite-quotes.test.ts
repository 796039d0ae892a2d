import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { seedBundledInstruments } from '@/lib/instruments/seed-bundled';
import { getMarketQuotes } from '@/lib/market-data/provider/market-quotes';
import { placeOrderSchema } from '@/lib/paper/orders/order-input';
import { placePaperOrder } from '@/lib/paper/orders/place-order';
import { connectKite, useFakeKite } from '../support/fake-kite';
import { createTestUser } from '../support/users';

const fakeKite = useFakeKite({ rateLimits: false });
beforeAll(async () => {
  await seedBundledInstruments();
});

async function linkedUser() {
  const user = await createTestUser('kite-paper');
  await connectKite(fakeKite(), { userId: user.id });
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

  it('a stored token that no longer decrypts ends the session (prices fall back, labelled) instead of failing every call', async () => {
    const linked = await linkedUser();
    // As if the key that sealed it were retired: the ciphertext no longer authenticates.
    await db().$executeRaw`UPDATE "KiteSession" SET "accessTokenCipher" = "accessTokenCipher" || 'x' WHERE "userId" = ${linked.id}::uuid`;
    const quote = (await getMarketQuotes({ userId: linked.id, keys: ['NSE:INFY'] }))['NSE:INFY'] as { source: string };
    expect(quote.source).toBe('simulated');
    const session = await db().kiteSession.findUnique({ where: { userId: linked.id }, select: { expiresAt: true } });
    expect(session && session.expiresAt.getTime() <= Date.now()).toBe(true);
  });
});
