import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { withUserTx } from '@/lib/db/rls';
import { findInstrument } from '@/lib/instruments/find-instrument';
import { seedBundledInstruments } from '@/lib/instruments/seed-bundled';
import { simulatedProvider } from '@/lib/market-data/provider/simulated-provider';
import { processAccount } from '@/lib/paper/engine/process-account';
import { runEnginePass } from '@/lib/paper/engine/run-engine-pass';
import { placeOrderSchema } from '@/lib/paper/orders/order-input';
import { placePaperOrder } from '@/lib/paper/orders/place-order';
import { getFunds, getOrder } from '@/lib/paper/read/read-paper';
import { reconcileAccount } from '@/lib/paper/reconcile/reconcile-account';
import { reconcileAllAccounts } from '@/lib/paper/reconcile/reconcile-all';
import { monthlyExpiryOf, nearMonthOption } from '../support/contracts';
import { netQuantity } from '../support/paper';
import { createTestUser } from '../support/users';

beforeAll(async () => {
  await seedBundledInstruments();
});

describe('paper engine', () => {
  it('a resting SELL LIMIT fills at its limit on a later pass once the bid reaches it', async () => {
    const user = await createTestUser();
    const placedAt = new Date('2026-11-20T04:00:00.000Z'); // 09:30 IST: a fixed, reproducible path
    const instrument = await findInstrument({ exchange: 'NSE', tradingsymbol: 'RELIANCE' });
    if (!instrument) throw new Error('no RELIANCE');
    // Scan the deterministic simulated path for a later second whose bid is above the current ask.
    const provider = simulatedProvider('always');
    const now = (await provider.quotes([instrument], placedAt)).get('NSE:RELIANCE');
    let later: { at: Date; bid: string } | null = null;
    for (let s = 1; s < 5 * 3600 && later === null; s += 1) {
      const at = new Date(placedAt.getTime() + s * 1000);
      const q = (await provider.quotes([instrument], at)).get('NSE:RELIANCE');
      if (q?.bid && now?.ask && new Decimal(q.bid).gt(new Decimal(now.ask).plus(1))) later = { at, bid: q.bid };
    }
    if (!later || !now?.ask) throw new Error('the simulated path never rose by ₹1 in five hours');
    const limit = new Decimal(now.ask).plus(1).toFixed(2);
    const order = (fields: Record<string, unknown>) =>
      placeOrderSchema.parse({ exchange: 'NSE', tradingsymbol: 'RELIANCE', order_type: 'LIMIT', product: 'MIS', quantity: 2, ...fields });
    await placePaperOrder({ userId: user.id, input: order({ transaction_type: 'BUY', order_type: 'MARKET' }), now: placedAt });
    const { order: sell } = await placePaperOrder({ userId: user.id, input: order({ transaction_type: 'SELL', price: limit }), now: placedAt });
    expect(sell.status).toBe('OPEN');
    await processAccount({ userId: user.id, now: later.at });
    const filled = await getOrder({ userId: user.id, orderId: sell.id });
    expect(filled).toMatchObject({ status: 'COMPLETE', average_price: Number(limit) });
    expect(await netQuantity(user.id)).toBe(0);
    const funds = await getFunds({ userId: user.id });
    expect(funds.used_margin).toBe('0.00');
    expect(await withUserTx(user.id, (tx) => reconcileAccount(tx, user.id, funds.id))).toEqual([]);
  });

  it('an expired option position settles at expiry and releases its margin', async () => {
    const user = await createTestUser();
    // Today's near-month contract: still open on every day up to its expiry, settled the day after.
    const now = new Date();
    const input = placeOrderSchema.parse({ exchange: 'NFO', tradingsymbol: nearMonthOption('NIFTY', 26300, 'PE', now), transaction_type: 'BUY', order_type: 'MARKET', product: 'NRML', quantity: 65 });
    const { order: bought } = await placePaperOrder({ userId: user.id, input, now });
    expect(bought.status).toBe('COMPLETE');
    expect(new Decimal((await getFunds({ userId: user.id })).used_margin).gt(0)).toBe(true);
    await processAccount({ userId: user.id, now });
    expect(await netQuantity(user.id)).toBe(65);
    await processAccount({ userId: user.id, now: new Date(`${monthlyExpiryOf('near', now)}T22:30:00.000Z`) }); // 04:00 IST the day after
    expect(await netQuantity(user.id)).toBe(0);
    const funds = await getFunds({ userId: user.id });
    expect(funds.used_margin).toBe('0.00');
    expect(await withUserTx(user.id, (tx) => reconcileAccount(tx, user.id, funds.id))).toEqual([]);
  });

  it('an engine pass over every account, then the reconcile-all check, finds no drift', async () => {
    expect((await runEnginePass()).accounts).toBeGreaterThanOrEqual(0);
    const { drifts } = await reconcileAllAccounts();
    expect(drifts).toEqual([]);
  });
});
