import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { UserId } from '@/lib/auth/user-id';
import { findInstrument } from '@/lib/instruments/find-instrument';
import { seedBundledInstruments } from '@/lib/instruments/seed-bundled';
import { simulatedProvider } from '@/lib/market-data/provider/simulated-provider';
import { computeCharges } from '@/lib/paper/charges/compute-charges';
import { placeOrderSchema } from '@/lib/paper/orders/order-input';
import { placePaperOrder } from '@/lib/paper/orders/place-order';
import { previewOrder } from '@/lib/paper/orders/preview-order';
import { getOrder } from '@/lib/paper/read/read-paper';
import { connectKite, useFakeKite } from '../support/fake-kite';
import { createTestUser } from '../support/users';

// Fixed instants on the simulated feed (always open): 09:30 and 11:30 IST on Friday 20 Nov 2026,
// and 09:30 IST the next day.
const MORNING = new Date('2026-11-20T04:00:00.000Z');
const LATER = new Date('2026-11-20T06:00:00.000Z');
const NEXT_DAY = new Date('2026-11-21T04:00:00.000Z');

/**
 * A LIMIT sell at the best bid, for no more than that level holds, fills in one fill at exactly its
 * limit: the price the preview prices it at, so preview and fill charges can be compared to the paisa.
 */
async function bestBid(at: Date): Promise<{ price: string; quantity: number }> {
  const instrument = await findInstrument({ exchange: 'NSE', tradingsymbol: 'INFY' });
  if (!instrument) throw new Error('no INFY');
  const level = (await simulatedProvider('always').quotes([instrument], at)).get('NSE:INFY')?.depth?.buy[0];
  if (!level || level.quantity < 1) throw new Error('no bid on the simulated INFY path');
  return { price: level.price, quantity: Math.min(10, level.quantity) };
}

const cnc = (transaction_type: 'BUY' | 'SELL', quantity: number, price?: string) =>
  placeOrderSchema.parse({ exchange: 'NSE', tradingsymbol: 'INFY', transaction_type, product: 'CNC', quantity, ...(price === undefined ? { order_type: 'MARKET' } : { order_type: 'LIMIT', price }) });

async function soldCharges(userId: UserId, orderId: string) {
  const order = await getOrder({ userId, orderId });
  expect(order.status).toBe('COMPLETE');
  expect(order.trades).toHaveLength(1);
  return order.trades[0]?.charges;
}

const fakeKite = useFakeKite({ rateLimits: false });

beforeAll(async () => {
  await seedBundledInstruments();
});

describe('the order ticket previews a CNC sell as its fill will be charged', () => {
  it('a sell of shares bought today: intraday sell leg plus the buy leg re-bill, as booked on the fill', async () => {
    const user = await createTestUser('preview');
    const bid = await bestBid(LATER);
    await placePaperOrder({ userId: user.id, input: cnc('BUY', bid.quantity), now: MORNING });
    const sell = cnc('SELL', bid.quantity, bid.price);

    const preview = await previewOrder({ userId: user.id, input: sell, now: LATER });
    expect(preview.price).toBe(bid.price);
    expect(preview.charges).toMatchObject({ intraday_quantity: bid.quantity, buy_leg_adjustment: { quantity: bid.quantity } });
    // Still our estimate (the ticket labels it so), not the delivery estimate it used to be.
    expect(preview.charges.rateVersion).not.toBe('kite');
    const delivery = computeCharges({ tradeDate: LATER, exchange: 'NSE', segment: 'EQ', product: 'CNC', transactionType: 'SELL', quantity: bid.quantity, price: bid.price });
    expect(preview.charges.total).not.toBe(delivery.total);

    const { order } = await placePaperOrder({ userId: user.id, input: sell, now: LATER });
    expect(await soldCharges(user.id, order.id)).toEqual(preview.charges);
  });

  it('a sell of shares bought on an earlier day: delivery with the day’s DP charge, as booked on the fill', async () => {
    const user = await createTestUser('preview');
    const bid = await bestBid(NEXT_DAY);
    await placePaperOrder({ userId: user.id, input: cnc('BUY', bid.quantity), now: MORNING });
    const sell = cnc('SELL', bid.quantity, bid.price);

    const preview = await previewOrder({ userId: user.id, input: sell, now: NEXT_DAY });
    expect(preview.charges).toMatchObject({ dp_charges: '13.50' });
    expect(preview.charges).not.toHaveProperty('intraday_quantity');

    const { order } = await placePaperOrder({ userId: user.id, input: sell, now: NEXT_DAY });
    expect(await soldCharges(user.id, order.id)).toEqual(preview.charges);
  });

  it('a buy keeps the delivery estimate', async () => {
    const user = await createTestUser('preview');
    const preview = await previewOrder({ userId: user.id, input: cnc('BUY', 5, '1500.00'), now: LATER });
    expect(preview.charges).toEqual(computeCharges({ tradeDate: LATER, exchange: 'NSE', segment: 'EQ', product: 'CNC', transactionType: 'BUY', quantity: 5, price: '1500.00' }));
  });
});

describe("with the user's Kite session live", () => {
  // Bought at simulated prices before Zerodha is connected; the preview then prices at Kite's quotes.
  it('a same-day sell keeps our intraday figures: Kite’s contract note would bill it as delivery', async () => {
    const user = await createTestUser('preview-kite');
    await placePaperOrder({ userId: user.id, input: cnc('BUY', 5) });
    expect(await connectKite(fakeKite(), { userId: user.id })).toBe('connected');
    const preview = await previewOrder({ userId: user.id, input: cnc('SELL', 5) });
    expect(preview.quote.source).toBe('kite');
    expect(preview.charges).toMatchObject({ intraday_quantity: 5, buy_leg_adjustment: { quantity: 5 } });
    expect(preview.charges.rateVersion).not.toBe('kite');
  });

  it('a delivery sell takes Kite’s figures plus the DP charge (with GST) the fill keeps as ours', async () => {
    const user = await createTestUser('preview-kite');
    await placePaperOrder({ userId: user.id, input: cnc('BUY', 5), now: new Date(Date.now() - 2 * 24 * 3600 * 1000) });
    expect(await connectKite(fakeKite(), { userId: user.id })).toBe('connected');
    const preview = await previewOrder({ userId: user.id, input: cnc('SELL', 5) });
    expect(preview.charges).toMatchObject({ rateVersion: 'kite', dp_charges: '13.50' });
    expect(preview.charges).not.toHaveProperty('intraday_quantity');
    // No margin on a CNC sell: what placing blocks is Kite's note alone; DP is ₹13.50 + 18% GST.
    expect(preview.margin.total).toBe('0.00');
    expect(preview.charges.total).toBe(new Decimal(preview.total).plus('15.93').toFixed(2));
  });
});
