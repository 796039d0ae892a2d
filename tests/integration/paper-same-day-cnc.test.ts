import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { UserId } from '@/lib/auth/user-id';
import { seedBundledInstruments } from '@/lib/instruments/seed-bundled';
import { computeOrderCharges } from '@/lib/paper/charges/compute-charges';
import type { Execution } from '@/lib/paper/charges/types';
import { placeOrderSchema } from '@/lib/paper/orders/order-input';
import { placePaperOrder } from '@/lib/paper/orders/place-order';
import { getFunds, getOrder, listHoldings, listLedger, listTrades } from '@/lib/paper/read/read-paper';
import { drifts } from '../support/paper';
import { createTestUser } from '../support/users';

// Zerodha bills a CNC buy sold the same IST day as intraday. Fixed instants on the simulated feed
// (always open): 09:30 and 11:30 IST on Friday 20 Nov 2026, and 09:30 IST the next day.
const MORNING = new Date('2026-11-20T04:00:00.000Z');
const LATER = new Date('2026-11-20T06:00:00.000Z');
const NEXT_DAY = new Date('2026-11-21T04:00:00.000Z');

const cnc = (transaction_type: 'BUY' | 'SELL', quantity: number) =>
  placeOrderSchema.parse({ exchange: 'NSE', tradingsymbol: 'INFY', transaction_type, order_type: 'MARKET', product: 'CNC', quantity });

async function fillsOf(userId: UserId, orderId: string): Promise<Execution[]> {
  const order = await getOrder({ userId, orderId });
  expect(order.status).toBe('COMPLETE');
  return order.trades.map((t) => ({ quantity: t.quantity, price: String(t.average_price) }));
}

/** The first `n` units of `fills` and the rest, in fill order (what a FIFO match takes). */
function splitAt(fills: Execution[], n: number): [Execution[], Execution[]] {
  const head: Execution[] = [];
  const tail: Execution[] = [];
  let left = n;
  for (const fill of fills) {
    const take = Math.min(left, fill.quantity);
    if (take > 0) head.push({ ...fill, quantity: take });
    if (fill.quantity > take) tail.push({ ...fill, quantity: fill.quantity - take });
    left -= take;
  }
  return [head, tail];
}

const equity = (tradeDate: Date, product: 'MIS' | 'CNC', transactionType: 'BUY' | 'SELL', extra: { isDeliverySellFromDemat?: true } = {}) =>
  ({ tradeDate, exchange: 'NSE', segment: 'EQ', product, transactionType, ...extra }) as const;

async function chargesOnFills(userId: UserId): Promise<string> {
  const trades = await listTrades({ userId });
  return trades.reduce((sum, t) => sum.plus(t.charges_total), new Decimal(0)).toFixed(2);
}


beforeAll(async () => {
  await seedBundledInstruments();
});

describe('a CNC buy sold the same day is billed as intraday', () => {
  it('buy 10 and sell 10 the same day: the round trip costs exactly Zerodha’s intraday charges', async () => {
    const user = await createTestUser('sameday');
    const { order: buy } = await placePaperOrder({ userId: user.id, input: cnc('BUY', 10), now: MORNING });
    const { order: sell } = await placePaperOrder({ userId: user.id, input: cnc('SELL', 10), now: LATER });
    const buyFills = await fillsOf(user.id, buy.id);
    const sellFills = await fillsOf(user.id, sell.id);

    const intraday = new Decimal(computeOrderCharges(equity(MORNING, 'MIS', 'BUY'), buyFills).total).plus(computeOrderCharges(equity(LATER, 'MIS', 'SELL'), sellFills).total);
    expect(await chargesOnFills(user.id)).toBe(intraday.toFixed(2));
    // What it cost before: delivery both ways, DP on the sell.
    const delivery = new Decimal(computeOrderCharges(equity(MORNING, 'CNC', 'BUY'), buyFills).total).plus(
      computeOrderCharges(equity(LATER, 'CNC', 'SELL', { isDeliverySellFromDemat: true }), sellFills).total,
    );
    expect(intraday.lt(delivery)).toBe(true);

    const sellTrades = (await getOrder({ userId: user.id, orderId: sell.id })).trades;
    expect(sellTrades.reduce((sum, t) => sum + ((t.charges as { intraday_quantity?: number }).intraday_quantity ?? 0), 0)).toBe(10);
    for (const trade of sellTrades) expect(trade.charges).not.toHaveProperty('dp_charges');
    const rebill = (await listLedger({ userId: user.id })).filter((entry) => entry.note?.includes('re-billed at intraday rates'));
    expect(rebill.length).toBeGreaterThan(0);
    for (const entry of rebill) expect(entry.kind).toBe('CHARGE');

    const funds = await getFunds({ userId: user.id });
    expect(funds.charges).toBe(intraday.toFixed(2));
    const traded = (fills: Execution[]) => fills.reduce((sum, f) => sum.plus(new Decimal(f.price.toString()).mul(f.quantity)), new Decimal(0));
    expect(funds.available).toBe(new Decimal(100000).minus(traded(buyFills)).plus(traded(sellFills)).minus(intraday).toFixed(2));
    expect(await listHoldings({ userId: user.id })).toEqual([]);
    expect(await drifts(user.id)).toEqual([]);
  });

  it('buy 10, sell 4 the same day and 6 the next: 4 billed intraday, 6 delivery with DP', async () => {
    const user = await createTestUser('sameday');
    const { order: buy } = await placePaperOrder({ userId: user.id, input: cnc('BUY', 10), now: MORNING });
    const { order: sell4 } = await placePaperOrder({ userId: user.id, input: cnc('SELL', 4), now: LATER });
    expect((await listHoldings({ userId: user.id }))[0]).toMatchObject({ quantity: 0, t1_quantity: 6 });
    const { order: sell6 } = await placePaperOrder({ userId: user.id, input: cnc('SELL', 6), now: NEXT_DAY });
    const [matched, carried] = splitAt(await fillsOf(user.id, buy.id), 4);
    const sell4Fills = await fillsOf(user.id, sell4.id);
    const sell6Fills = await fillsOf(user.id, sell6.id);

    const expected = [
      computeOrderCharges(equity(MORNING, 'MIS', 'BUY'), matched),
      computeOrderCharges(equity(MORNING, 'CNC', 'BUY'), carried),
      computeOrderCharges(equity(LATER, 'MIS', 'SELL'), sell4Fills),
      computeOrderCharges(equity(NEXT_DAY, 'CNC', 'SELL', { isDeliverySellFromDemat: true }), sell6Fills),
    ].reduce((sum, b) => sum.plus(b.total), new Decimal(0));
    expect(await chargesOnFills(user.id)).toBe(expected.toFixed(2));

    const [sell4Trade] = (await getOrder({ userId: user.id, orderId: sell4.id })).trades;
    expect(sell4Trade?.charges).toMatchObject({ intraday_quantity: 4, buy_leg_adjustment: { quantity: 4 } });
    expect(sell4Trade?.charges).not.toHaveProperty('dp_charges');
    const sell6Trades = (await getOrder({ userId: user.id, orderId: sell6.id })).trades;
    expect(sell6Trades[0]?.charges).toMatchObject({ dp_charges: '13.50' });
    for (const trade of sell6Trades) expect(trade.charges).not.toHaveProperty('intraday_quantity');

    expect(await listHoldings({ userId: user.id })).toEqual([]);
    expect(await drifts(user.id)).toEqual([]);
  });

  it('a sell from holdings bought on an earlier day stays a delivery sell', async () => {
    const user = await createTestUser('sameday');
    await placePaperOrder({ userId: user.id, input: cnc('BUY', 5), now: MORNING });
    const { order: sell } = await placePaperOrder({ userId: user.id, input: cnc('SELL', 5), now: NEXT_DAY });
    const sellFills = await fillsOf(user.id, sell.id);
    const trades = (await getOrder({ userId: user.id, orderId: sell.id })).trades;
    const total = trades.reduce((sum, t) => sum.plus(t.charges_total), new Decimal(0));
    expect(total.toFixed(2)).toBe(computeOrderCharges(equity(NEXT_DAY, 'CNC', 'SELL', { isDeliverySellFromDemat: true }), sellFills).total);
    expect(await drifts(user.id)).toEqual([]);
  });
});
