import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { UserId } from '@/lib/auth/user-id';
import { db } from '@/lib/db/client';
import { findInstrument } from '@/lib/instruments/find-instrument';
import { seedBundledInstruments } from '@/lib/instruments/seed-bundled';
import { simulatedProvider } from '@/lib/market-data/provider/simulated-provider';
import type { Quote } from '@/lib/market-data/quote';
import { computeOrderCharges } from '@/lib/paper/charges/compute-charges';
import { cancelPaperOrder, modifyPaperOrder } from '@/lib/paper/orders/change-order';
import { placeOrderSchema } from '@/lib/paper/orders/order-input';
import { placePaperOrder } from '@/lib/paper/orders/place-order';
import { getFunds, getOrder, listLedger } from '@/lib/paper/read/read-paper';
import { drifts } from '../support/paper';
import { createTestUser } from '../support/users';

// A partial fill on the simulated feed: its quotes carry five levels of depth, and a LIMIT buy at
// the best ask takes only what rests at that price. Scan the deterministic path for an instant
// whose best ask holds few INFY shares, so the rest of a slightly bigger order stays OPEN.
const FROM = new Date('2026-11-20T04:00:00.000Z');

async function thinAsk(): Promise<{ at: Date; quote: Quote; ask: string; resting: number }> {
  const instrument = await findInstrument({ exchange: 'NSE', tradingsymbol: 'INFY' });
  if (!instrument) throw new Error('no INFY');
  const provider = simulatedProvider('always');
  for (let s = 0; s < 4 * 3600; s += 1) {
    const at = new Date(FROM.getTime() + s * 1000);
    const quote = (await provider.quotes([instrument], at)).get('NSE:INFY');
    const best = quote?.depth?.sell[0];
    if (quote && best && best.quantity <= 20) return { at, quote, ask: best.price, resting: best.quantity };
  }
  throw new Error('no thin best ask on the simulated INFY path');
}

const limitBuy = (quantity: number, price: string) =>
  placeOrderSchema.parse({ exchange: 'NSE', tradingsymbol: 'INFY', transaction_type: 'BUY', order_type: 'LIMIT', product: 'CNC', quantity, price });


async function partiallyFilled(userId: UserId) {
  const thin = await thinAsk();
  const { order } = await placePaperOrder({ userId, input: limitBuy(thin.resting + 10, thin.ask), now: thin.at });
  expect(order).toMatchObject({ status: 'OPEN', filledQuantity: thin.resting, quantity: thin.resting + 10 });
  return { order, ...thin };
}

beforeAll(async () => {
  await seedBundledInstruments();
});

describe('modifying a partly filled order, as Kite allows', () => {
  it('changes the price and quantity of the pending part, blocks margin for it alone, and reconciles', async () => {
    const user = await createTestUser('modify');
    const { order, at, quote, resting } = await partiallyFilled(user.id);
    const filledCharges = (await getOrder({ userId: user.id, orderId: order.id })).trades.map((t) => t.charges_total);

    // Lower the price below the bid (it rests) and raise the quantity by 5: 15 units pending.
    const low = new Decimal(quote.bid ?? '0').minus(5).toFixed(2);
    const modified = await modifyPaperOrder({ userId: user.id, orderId: order.id, input: { quantity: resting + 15, price: low }, now: at });
    expect(modified).toMatchObject({ status: 'OPEN', quantity: resting + 15, filledQuantity: resting });
    expect(modified.price?.toString()).toBe(new Decimal(low).toString());
    // Margin for the 15 pending units only: their value at the new price plus their estimated delivery charges.
    const pending = new Decimal(low).mul(15);
    const pendingCharges = computeOrderCharges({ tradeDate: at, exchange: 'NSE', segment: 'EQ', product: 'CNC', transactionType: 'BUY' }, [{ quantity: 15, price: low }]);
    const funds = await getFunds({ userId: user.id });
    expect(funds.used_margin).toBe(pending.plus(pendingCharges.total).toFixed(2));
    // The fills so far keep their charges.
    expect((await getOrder({ userId: user.id, orderId: order.id })).trades.map((t) => t.charges_total)).toEqual(filledCharges);
    expect(await drifts(user.id)).toEqual([]);

    // Make it marketable again: the rest fills against the depth, and the order's block is released to the paisa.
    const high = new Decimal(quote.depth?.sell[4]?.price ?? quote.ask ?? '0').toFixed(2);
    const done = await modifyPaperOrder({ userId: user.id, orderId: order.id, input: { price: high }, now: at });
    expect(done).toMatchObject({ status: 'COMPLETE', filledQuantity: resting + 15 });
    expect((await getFunds({ userId: user.id })).used_margin).toBe('0.00');
    const orderMargin = (await listLedger({ userId: user.id }))
      .filter((e) => e.ref_id === order.id && (e.kind === 'MARGIN_BLOCK' || e.kind === 'MARGIN_RELEASE'))
      .reduce((sum, e) => sum.plus(e.amount), new Decimal(0));
    expect(orderMargin.toFixed(2)).toBe('0.00');
    expect(await drifts(user.id)).toEqual([]);
  });

  it('refuses a quantity not above what has filled (4xx) and changes nothing', async () => {
    const user = await createTestUser('modify');
    const { order, at, resting } = await partiallyFilled(user.id);
    const before = { funds: await getFunds({ userId: user.id }), ledger: await listLedger({ userId: user.id }), order: await getOrder({ userId: user.id, orderId: order.id }) };
    for (const quantity of [resting, resting - 1]) {
      await expect(modifyPaperOrder({ userId: user.id, orderId: order.id, input: { quantity }, now: at })).rejects.toMatchObject({
        status: 400,
        fields: { quantity: [expect.stringContaining(`must be more than ${resting}`)] },
      });
    }
    // Off-tick prices are refused as for any modification.
    await expect(modifyPaperOrder({ userId: user.id, orderId: order.id, input: { price: '1500.03' }, now: at })).rejects.toMatchObject({ status: 400, fields: { price: expect.any(Array) } });
    expect(await getFunds({ userId: user.id })).toEqual(before.funds);
    expect(await listLedger({ userId: user.id })).toEqual(before.ledger);
    expect(await getOrder({ userId: user.id, orderId: order.id })).toEqual(before.order);

    // Cancelling the rest releases exactly what it held.
    const cancelled = await cancelPaperOrder({ userId: user.id, orderId: order.id });
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelledQuantity: 10 });
    expect((await getFunds({ userId: user.id })).used_margin).toBe('0.00');
    expect(await db().paperFill.count({ where: { orderId: order.id } })).toBeGreaterThan(0);
    expect(await drifts(user.id)).toEqual([]);
  });
});
