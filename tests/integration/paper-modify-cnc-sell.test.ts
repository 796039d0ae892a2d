import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { UserId } from '@/lib/auth/user-id';
import { AppError, errorBody } from '@/lib/errors';
import { findInstrument } from '@/lib/instruments/find-instrument';
import { seedBundledInstruments } from '@/lib/instruments/seed-bundled';
import { simulatedProvider } from '@/lib/market-data/provider/simulated-provider';
import { modifyPaperOrder } from '@/lib/paper/orders/change-order';
import { placeOrderSchema } from '@/lib/paper/orders/order-input';
import { placePaperOrder } from '@/lib/paper/orders/place-order';
import { getFunds, getOrder, listHoldings, listLedger } from '@/lib/paper/read/read-paper';
import { drifts } from '../support/paper';
import { createTestUser } from '../support/users';

// Fixed instants on the simulated feed (always open): 09:30 and 11:30 IST on Friday 20 Nov 2026.
const MORNING = new Date('2026-11-20T04:00:00.000Z');
const LATER = new Date('2026-11-20T06:00:00.000Z');

const cnc = (transaction_type: 'BUY' | 'SELL', quantity: number, price?: string) =>
  placeOrderSchema.parse({ exchange: 'NSE', tradingsymbol: 'INFY', transaction_type, product: 'CNC', quantity, ...(price === undefined ? { order_type: 'MARKET' } : { order_type: 'LIMIT', price }) });

async function infyQuote(at: Date) {
  const instrument = await findInstrument({ exchange: 'NSE', tradingsymbol: 'INFY' });
  if (!instrument) throw new Error('no INFY');
  const quote = (await simulatedProvider('always').quotes([instrument], at)).get('NSE:INFY');
  if (!quote) throw new Error('no INFY quote');
  return quote;
}

/** An instant whose best bid holds few INFY shares, so a sell at that bid for a few more fills in part. */
async function thinBid(): Promise<{ at: Date; bid: string; resting: number }> {
  for (let s = 0; s < 4 * 3600; s += 1) {
    const at = new Date(LATER.getTime() + s * 1000);
    const best = (await infyQuote(at)).depth?.buy[0];
    if (best && best.quantity <= 20) return { at, bid: best.price, resting: best.quantity };
  }
  throw new Error('no thin best bid on the simulated INFY path');
}

async function snapshot(userId: UserId, orderId: string) {
  // Holdings without their live price, which moves with the clock.
  const holdings = (await listHoldings({ userId })).map((h) => ({ quantity: h.quantity, t1: h.t1_quantity, average: h.average_price }));
  return { funds: await getFunds({ userId }), ledger: await listLedger({ userId }), order: await getOrder({ userId, orderId }), holdings };
}

/** The refusal: a 4xx in the one error shape, saying how many this order may sell. */
async function expectRefused(promise: Promise<unknown>, most: number) {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(422);
  expect(errorBody(error as AppError)).toEqual({
    error: { code: 'unprocessable', message: `Insufficient holdings: you can sell up to ${most} INFY with this order (no short delivery on CNC).` },
  });
}

beforeAll(async () => {
  await seedBundledInstruments();
});

describe('modifying an open CNC sell re-checks holdings, as placing does', () => {
  it('refuses a quantity above what is sellable (other open sells claim theirs) and allows exactly that', async () => {
    const user = await createTestUser('modsell');
    await placePaperOrder({ userId: user.id, input: cnc('BUY', 10), now: MORNING });
    // Far above the market: both sells rest, and their units stay claimed.
    const high = new Decimal((await infyQuote(LATER)).lastPrice).mul('1.2').toDecimalPlaces(0).toFixed(2);
    const { order } = await placePaperOrder({ userId: user.id, input: cnc('SELL', 4, high), now: LATER });
    const { order: other } = await placePaperOrder({ userId: user.id, input: cnc('SELL', 3, high), now: LATER });
    expect([order.status, other.status]).toEqual(['OPEN', 'OPEN']);

    const before = await snapshot(user.id, order.id);
    await expectRefused(modifyPaperOrder({ userId: user.id, orderId: order.id, input: { quantity: 8 }, now: LATER }), 7);
    expect(await snapshot(user.id, order.id)).toEqual(before);

    const modified = await modifyPaperOrder({ userId: user.id, orderId: order.id, input: { quantity: 7 }, now: LATER });
    expect(modified).toMatchObject({ status: 'OPEN', quantity: 7, filledQuantity: 0 });
    // Now nothing is left for the other sell to grow into.
    await expectRefused(modifyPaperOrder({ userId: user.id, orderId: other.id, input: { quantity: 4 }, now: LATER }), 3);
    expect(await drifts(user.id)).toEqual([]);
  });

  it('a partly filled sell may grow to its filled units plus what is still sellable', async () => {
    const user = await createTestUser('modsell');
    const thin = await thinBid();
    await placePaperOrder({ userId: user.id, input: cnc('BUY', 30), now: MORNING });
    const { order } = await placePaperOrder({ userId: user.id, input: cnc('SELL', thin.resting + 5, thin.bid), now: thin.at });
    expect(order).toMatchObject({ status: 'OPEN', filledQuantity: thin.resting });

    const before = await snapshot(user.id, order.id);
    await expectRefused(modifyPaperOrder({ userId: user.id, orderId: order.id, input: { quantity: 31 }, now: thin.at }), 30);
    expect(await snapshot(user.id, order.id)).toEqual(before);

    const modified = await modifyPaperOrder({ userId: user.id, orderId: order.id, input: { quantity: 30 }, now: thin.at });
    expect(modified.quantity).toBe(30);
    expect(await drifts(user.id)).toEqual([]);
  });
});
