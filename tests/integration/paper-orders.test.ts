import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { resetEnvCache } from '@/lib/env';
import { findInstrument } from '@/lib/instruments/find-instrument';
import { seedBundledInstruments } from '@/lib/instruments/seed-bundled';
import { simulatedProvider } from '@/lib/market-data/provider/simulated-provider';
import { resetPaperAccount } from '@/lib/paper/account/reset-account';
import { processAccount } from '@/lib/paper/engine/process-account';
import { cancelPaperOrder, modifyPaperOrder } from '@/lib/paper/orders/change-order';
import { placeOrderSchema } from '@/lib/paper/orders/order-input';
import { placePaperOrder } from '@/lib/paper/orders/place-order';
import { getFunds, getOrder, listHoldings, listLedger, listOrders, listPositions, listTrades } from '@/lib/paper/read/read-paper';
import { roundToTick } from '@/lib/paper/fills/tick-size';
import { nearMonthFuture } from '../support/contracts';
import { drifts, netQuantity } from '../support/paper';
import { createTestUser } from '../support/users';

const order = (fields: Record<string, unknown>) =>
  placeOrderSchema.parse({ exchange: 'NSE', tradingsymbol: 'INFY', transaction_type: 'BUY', order_type: 'LIMIT', product: 'CNC', quantity: 1, ...fields });

async function quoteAt(tradingsymbol: string, at: Date, exchange = 'NSE') {
  const instrument = await findInstrument({ exchange, tradingsymbol });
  if (!instrument) throw new Error(`no ${tradingsymbol}`);
  const quote = (await simulatedProvider('always').quotes([instrument], at)).get(`${exchange}:${tradingsymbol}`);
  if (!quote || quote.ask === null || quote.bid === null) throw new Error('no book');
  return { quote, tick: instrument.tickSize, ask: quote.ask, bid: quote.bid };
}


beforeAll(async () => {
  await seedBundledInstruments();
});

describe('paper orders', () => {
  it('a marketable LIMIT buy fills at the ask, is charged, and the ledger reconciles', async () => {
    const user = await createTestUser();
    const now = new Date();
    const { ask, tick } = await quoteAt('INFY', now);
    const limit = roundToTick(new Decimal(ask).mul('1.01'), tick, 'up').toFixed(2);
    const { order: placed } = await placePaperOrder({ userId: user.id, input: order({ quantity: 10, price: limit }), now });
    expect(placed.status).toBe('COMPLETE');
    expect(placed.averagePrice?.toString()).toBe(new Decimal(ask).toString());
    const [trade] = await listTrades({ userId: user.id });
    expect(trade).toMatchObject({ quantity: 10, average_price: Number(ask), charges_source: expect.any(String) });
    expect(trade?.charges).toMatchObject({ brokerage: '0.00', transaction_tax_type: 'stt', total: trade?.charges_total });
    const funds = await getFunds({ userId: user.id });
    const expected = new Decimal('100000').minus(new Decimal(ask).mul(10)).minus(trade?.charges_total ?? '0');
    expect(funds.available).toBe(expected.toFixed(2));
    expect(funds.used_margin).toBe('0.00');
    expect((await listHoldings({ userId: user.id }))[0]).toMatchObject({ tradingsymbol: 'INFY', quantity: 0, t1_quantity: 10 });
    expect((await listPositions({ userId: user.id }))[0]).toMatchObject({ quantity: 10, price_source: 'simulated' });
    expect(await db().journalTrade.count({ where: { userId: user.id, source: 'PAPER' } })).toBe(1);
    expect(await drifts(user.id)).toEqual([]);
  });

  it('a resting LIMIT blocks margin; cancel releases it exactly; a cancelled order cannot be modified', async () => {
    const user = await createTestUser();
    const { bid, tick } = await quoteAt('INFY', new Date());
    const low = roundToTick(new Decimal(bid).mul('0.9'), tick, 'down').toFixed(2);
    const { order: placed } = await placePaperOrder({ userId: user.id, input: order({ quantity: 5, price: low }) });
    expect(placed.status).toBe('OPEN');
    const blocked = (await getFunds({ userId: user.id })).used_margin;
    expect(new Decimal(blocked).gt(0)).toBe(true);
    const modified = await modifyPaperOrder({ userId: user.id, orderId: placed.id, input: { quantity: 6 } });
    expect(modified.quantity).toBe(6);
    expect(new Decimal((await getFunds({ userId: user.id })).used_margin).gt(blocked)).toBe(true);
    const cancelled = await cancelPaperOrder({ userId: user.id, orderId: placed.id });
    expect(cancelled.status).toBe('CANCELLED');
    const funds = await getFunds({ userId: user.id });
    expect(funds).toMatchObject({ available: '100000.00', used_margin: '0.00' });
    await expect(modifyPaperOrder({ userId: user.id, orderId: placed.id, input: { quantity: 2 } })).rejects.toMatchObject({ status: 409 });
    await expect(cancelPaperOrder({ userId: user.id, orderId: placed.id })).rejects.toMatchObject({ status: 409 });
    expect(await drifts(user.id)).toEqual([]);
  });

  it('refuses bad input with field errors and leaves the balance untouched', async () => {
    const user = await createTestUser();
    const cases: [Record<string, unknown>, string][] = [
      [{ price: '1500.03' }, 'price'],
      [{ tradingsymbol: 'NOPE' }, 'tradingsymbol'],
      [{ order_type: 'SL', price: '1500' }, 'trigger_price'],
      [{ order_type: 'MARKET', price: '1500' }, 'price'],
      [{ product: 'NRML', price: '1500' }, 'product'],
      [{ exchange: 'NFO', tradingsymbol: nearMonthFuture('NIFTY'), product: 'NRML', quantity: 10, price: '24000' }, 'quantity'],
      [{ exchange: 'NSE', tradingsymbol: 'NIFTY 50', price: '24000' }, 'tradingsymbol'],
    ];
    for (const [fields, field] of cases) {
      await expect(placePaperOrder({ userId: user.id, input: order(fields) })).rejects.toMatchObject({ status: 400, fields: { [field]: expect.any(Array) } });
    }
    for (const quantity of [0, -1, 1.5, 1e9]) expect(placeOrderSchema.safeParse({ ...order({ price: '1500' }), quantity }).success).toBe(false);
    expect((await getFunds({ userId: user.id })).available).toBe('100000.00');
    expect(await listOrders({ userId: user.id })).toEqual([]);
  });

  it('rejects (as Kite RMS does) a CNC sell without holdings and an order beyond the funds', async () => {
    const user = await createTestUser();
    const { bid } = await quoteAt('INFY', new Date());
    const sell = await placePaperOrder({ userId: user.id, input: order({ transaction_type: 'SELL', order_type: 'MARKET', quantity: 1 }) });
    expect(sell.order).toMatchObject({ status: 'REJECTED', statusMessage: expect.stringContaining('Insufficient holdings') });
    const big = await placePaperOrder({ userId: user.id, input: order({ quantity: 1000, price: bid }) });
    expect(big.order).toMatchObject({ status: 'REJECTED', statusMessage: expect.stringContaining('Insufficient funds') });
    expect((await getFunds({ userId: user.id })).available).toBe('100000.00');
  });

  it('honours Idempotency-Key: a replay returns the same order, a different body is a 422', async () => {
    const user = await createTestUser();
    const { bid, tick } = await quoteAt('INFY', new Date());
    const low = roundToTick(new Decimal(bid).mul('0.9'), tick, 'down').toFixed(2);
    const input = order({ quantity: 2, price: low });
    const results = await Promise.all([1, 2, 3].map(() => placePaperOrder({ userId: user.id, input, idempotencyKey: 'key-1' })));
    expect(new Set(results.map((r) => r.order.id)).size).toBe(1);
    expect(results.filter((r) => r.replayed)).toHaveLength(2);
    await expect(placePaperOrder({ userId: user.id, input: { ...input, quantity: 3 }, idempotencyKey: 'key-1' })).rejects.toMatchObject({ status: 422 });
    expect(await listOrders({ userId: user.id })).toHaveLength(1);
  });

  it('an MIS round trip books realised P&L and releases all margin', async () => {
    const user = await createTestUser();
    await placePaperOrder({ userId: user.id, input: order({ product: 'MIS', order_type: 'MARKET', quantity: 20 }) });
    expect(new Decimal((await getFunds({ userId: user.id })).used_margin).gt(0)).toBe(true);
    const { order: exit } = await placePaperOrder({ userId: user.id, input: order({ product: 'MIS', order_type: 'MARKET', transaction_type: 'SELL', quantity: 20 }) });
    expect(exit.status).toBe('COMPLETE');
    const [position] = await listPositions({ userId: user.id });
    expect(position).toMatchObject({ quantity: 0, buy_quantity: 20, sell_quantity: 20 });
    const funds = await getFunds({ userId: user.id });
    expect(funds.used_margin).toBe('0.00');
    expect(new Decimal(funds.available).toFixed(2)).toBe(new Decimal('100000').plus(funds.realised_pnl).minus(funds.charges).toFixed(2));
    expect(await drifts(user.id)).toEqual([]);
  });

  it('100 concurrent orders never take cash below zero and the ledger reconciles', async () => {
    const user = await createTestUser();
    const { bid, tick } = await quoteAt('INFY', new Date());
    const low = roundToTick(new Decimal(bid).mul('0.95'), tick, 'down').toFixed(2);
    const quantity = new Decimal(15000).div(low).floor().toNumber();
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) => placePaperOrder({ userId: user.id, input: order({ quantity, price: low }), idempotencyKey: `c-${i}` })),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const orders = await listOrders({ userId: user.id });
    expect(orders).toHaveLength(100);
    const open = orders.filter((o) => o.status === 'OPEN');
    expect(open.length).toBeGreaterThan(0);
    const value = new Decimal(low).mul(quantity);
    expect(open.length).toBeGreaterThanOrEqual(new Decimal(100000).div(value.mul('1.01')).floor().toNumber());
    expect(open.length).toBeLessThanOrEqual(new Decimal(100000).div(value).floor().toNumber());
    const funds = await getFunds({ userId: user.id });
    expect(new Decimal(funds.available).gte(0)).toBe(true);
    expect(new Decimal(funds.available).plus(funds.used_margin).toFixed(2)).toBe('100000.00');
    const ledgerSum = (await listLedger({ userId: user.id })).reduce((sum, entry) => sum.plus(entry.amount), new Decimal(0));
    expect(ledgerSum.toFixed(2)).toBe(funds.available);
    expect(await drifts(user.id)).toEqual([]);
  }, 60_000);

  it('isolates users: B cannot read, modify or cancel A’s order; A still can', async () => {
    const a = await createTestUser('a');
    const b = await createTestUser('b');
    const { bid, tick } = await quoteAt('INFY', new Date());
    const low = roundToTick(new Decimal(bid).mul('0.9'), tick, 'down').toFixed(2);
    const { order: placed } = await placePaperOrder({ userId: a.id, input: order({ price: low }) });
    await expect(getOrder({ userId: b.id, orderId: placed.id })).rejects.toMatchObject({ status: 404 });
    await expect(cancelPaperOrder({ userId: b.id, orderId: placed.id })).rejects.toMatchObject({ status: 404 });
    await expect(modifyPaperOrder({ userId: b.id, orderId: placed.id, input: { quantity: 2 } })).rejects.toMatchObject({ status: 404 });
    expect(await listOrders({ userId: b.id })).toEqual([]);
    expect(await listLedger({ userId: b.id })).toHaveLength(1);
    const funds = await getFunds({ userId: a.id });
    await expect(listLedger({ userId: b.id, accountId: funds.id })).rejects.toMatchObject({ status: 404 });
    expect((await getOrder({ userId: a.id, orderId: placed.id })).status).toBe('OPEN');
  });

  it('DAY orders expire after the day, CNC buys settle T+1, and reset keeps the old account readable', async () => {
    const user = await createTestUser();
    const now = new Date();
    const { bid, ask, tick } = await quoteAt('INFY', now);
    const low = roundToTick(new Decimal(bid).mul('0.9'), tick, 'down').toFixed(2);
    const high = roundToTick(new Decimal(ask).mul('1.01'), tick, 'up').toFixed(2);
    await placePaperOrder({ userId: user.id, input: order({ quantity: 3, price: high }), now });
    const { order: resting } = await placePaperOrder({ userId: user.id, input: order({ price: low }), now });
    await processAccount({ userId: user.id, now: new Date(now.getTime() + 36 * 3600_000) });
    expect((await getOrder({ userId: user.id, orderId: resting.id })).status).toBe('CANCELLED');
    expect((await listHoldings({ userId: user.id }))[0]).toMatchObject({ quantity: 3, t1_quantity: 0 });
    expect(await drifts(user.id)).toEqual([]);
    const old = await getFunds({ userId: user.id });
    const fresh = await resetPaperAccount({ userId: user.id });
    expect(fresh.id).not.toBe(old.id);
    expect(fresh.cash).toBe('100000.00');
    expect(await listTrades({ userId: user.id, accountId: old.id })).toHaveLength(1);
    expect((await getFunds({ userId: user.id })).other_accounts.map((a) => a.id)).toEqual([old.id]);
  });

  it('IOC cancels what it cannot fill at once; an SL waits TRIGGER PENDING with margin blocked', async () => {
    const user = await createTestUser();
    const now = new Date();
    const { bid, ask, tick } = await quoteAt('INFY', now);
    const low = roundToTick(new Decimal(bid).mul('0.95'), tick, 'down').toFixed(2);
    const ioc = await placePaperOrder({ userId: user.id, input: order({ price: low, validity: 'IOC' }), now });
    expect(ioc.order).toMatchObject({ status: 'CANCELLED', filledQuantity: 0, cancelledQuantity: 1 });
    expect((await getFunds({ userId: user.id })).available).toBe('100000.00');

    const trigger = roundToTick(new Decimal(ask).mul('1.05'), tick, 'up');
    const stop = await placePaperOrder({ userId: user.id, input: order({ order_type: 'SL', trigger_price: trigger.toFixed(2), price: trigger.plus(1).toFixed(2), product: 'MIS' }), now });
    expect(stop.order.status).toBe('TRIGGER_PENDING');
    expect((await getOrder({ userId: user.id, orderId: stop.order.id })).status).toBe('TRIGGER PENDING');
    expect(new Decimal((await getFunds({ userId: user.id })).used_margin).gt(0)).toBe(true);
    await expect(placePaperOrder({ userId: user.id, input: order({ order_type: 'SL', trigger_price: low, price: low, product: 'MIS' }), now })).rejects.toMatchObject({
      status: 400,
      fields: { trigger_price: [expect.stringContaining('above the last traded price')] },
    });
    await cancelPaperOrder({ userId: user.id, orderId: stop.order.id });
    expect(await drifts(user.id)).toEqual([]);
  });

  it('squares off MIS at 15:20 IST with ₹50 + GST under NSE hours', async () => {
    process.env.SIMULATED_MARKET_HOURS = 'nse';
    resetEnvCache();
    try {
      const user = await createTestUser();
      const morning = new Date('2026-11-20T05:00:00.000Z'); // 10:30 IST, Friday
      await placePaperOrder({ userId: user.id, input: order({ product: 'MIS', order_type: 'MARKET', quantity: 4 }), now: morning });
      await processAccount({ userId: user.id, now: new Date('2026-11-20T09:49:00.000Z') }); // 15:19 IST: not yet
      expect(await netQuantity(user.id)).toBe(4);
      await processAccount({ userId: user.id, now: new Date('2026-11-20T09:50:30.000Z') }); // 15:20:30 IST
      expect(await netQuantity(user.id)).toBe(0);
      const squareOff = (await listLedger({ userId: user.id })).find((entry) => entry.kind === 'SQUARE_OFF_CHARGE');
      expect(squareOff?.amount).toBe('-59.00');
      const closed = await placePaperOrder({ userId: user.id, input: order({ price: '1500' }), now: new Date('2026-11-20T11:00:00.000Z') });
      expect(closed.order).toMatchObject({ status: 'REJECTED', statusMessage: expect.stringContaining('closed') });
      expect(await drifts(user.id)).toEqual([]);
    } finally {
      delete process.env.SIMULATED_MARKET_HOURS;
      resetEnvCache();
    }
  });
});
