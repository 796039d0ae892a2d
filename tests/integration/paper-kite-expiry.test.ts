import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserId } from '@/lib/auth/user-id';
import { db } from '@/lib/db/client';
import { withUserTx } from '@/lib/db/rls';
import { getPaperAccount } from '@/lib/paper/account/get-paper-account';
import { findInstrument } from '@/lib/instruments/find-instrument';
import { simulatedProvider } from '@/lib/market-data/provider/simulated-provider';
import { istDateString } from '@/lib/market/calendar';
import { processAccount } from '@/lib/paper/engine/process-account';
import { placeOrderSchema } from '@/lib/paper/orders/order-input';
import { placePaperOrder } from '@/lib/paper/orders/place-order';
import { listPositions } from '@/lib/paper/read/read-paper';
import type { FakeKite } from '@/tests/fakes/kite-server';
import { loginAs } from '@/tests/fakes/kite-server/test-helpers';
import { useDatedMarket } from '../support/dated-market';
import { connectKite, useFakeKite } from '../support/fake-kite';
import { drifts } from '../support/paper';
import { createTestUser } from '../support/users';

// The December 2026 NIFTY contracts expire on Tue 29 Dec 2026. Positions opened that morning at
// Kite's prices settle against NIFTY 50's close as Kite reports it, never the simulated feed's.
const EXPIRY_MORNING = new Date('2026-12-29T04:30:00.000Z'); // 10:00 IST
const EXPIRY_CLOSE = new Date('2026-12-29T10:00:00.000Z'); // 15:30 IST
const NEXT_DAY = new Date('2026-12-30T04:30:00.000Z'); // Wed 10:00 IST: the Kite session of the 29th ended at 06:00
const DAYS_LATER = new Date('2027-01-05T04:30:00.000Z'); // Tue: sessions have traded since the expiry
const CALL = 'NIFTY26DEC26500CE';
const FUTURE = 'NIFTY26DECFUT';

// The clock first, so the fake Kite lists the contracts of the 29th too.
useDatedMarket(EXPIRY_MORNING);
const fakeKite = useFakeKite({ rateLimits: false });
let kite: FakeKite;
let kiteClose: string;

beforeAll(async () => {
  kite = fakeKite();
  // What Kite says NIFTY 50 closed at on the 29th, asked straight of the fake after the close.
  vi.setSystemTime(NEXT_DAY);
  const direct = await loginAs(kite, 'AB1234');
  const candles = await direct.getHistoricalData(256265, 'day', '2026-12-29 00:00:00', '2026-12-30 00:00:00');
  const candle = candles.find((c) => istDateString(new Date(c.date)) === '2026-12-29');
  if (!candle) throw new Error('the fake gave no candle for the 29th');
  kiteClose = new Decimal(candle.close).toFixed();
  // The simulated feed's close must differ, or these tests could not tell the sources apart.
  const index = await findInstrument({ exchange: 'NSE', tradingsymbol: 'NIFTY 50' });
  if (!index) throw new Error('no NIFTY 50');
  expect((await simulatedProvider('always').quotes([index], EXPIRY_CLOSE)).get('NSE:NIFTY 50')?.lastPrice).not.toBe(kiteClose);
});

/** Moves the clock (Kite slots reserved at another time would lie in this one's future). */
async function clockAt(at: Date) {
  vi.setSystemTime(at);
  await db().rateLimitBucket.deleteMany({ where: { key: { startsWith: 'kite:' } } });
}

/** A user linked to Kite on the morning of the expiry, long a lot of the call and of the future at Kite's prices. */
async function longAtKitePrices(label: string): Promise<UserId> {
  await clockAt(EXPIRY_MORNING);
  const user = await createTestUser(label);
  expect(await connectKite(kite, { userId: user.id })).toBe('connected');
  // A NIFTY future's margin is more than the ₹1,00,000 an account opens with.
  const account = await getPaperAccount({ userId: user.id });
  await withUserTx(user.id, (tx) => tx.ledgerEntry.create({ data: { userId: user.id, accountId: account.id, kind: 'TRADE_CREDIT', amount: '500000.00', note: 'Test funds' } }));
  for (const tradingsymbol of [CALL, FUTURE]) {
    const input = placeOrderSchema.parse({ exchange: 'NFO', tradingsymbol, transaction_type: 'BUY', order_type: 'MARKET', product: 'NRML', quantity: 65 });
    const { order } = await placePaperOrder({ userId: user.id, input });
    expect(order, order.statusMessage ?? "").toMatchObject({ status: "COMPLETE", priceSource: "kite" });
  }
  return user.id;
}

const expiryOrders = (userId: UserId) => db().paperOrder.findMany({ where: { userId, tag: 'EXPIRY' }, include: { fills: true }, orderBy: { tradingsymbol: 'asc' } });
const openQuantity = async (userId: UserId, tradingsymbol: string) =>
  (await db().paperPosition.findMany({ where: { userId, tradingsymbol } })).reduce((sum, p) => sum + p.quantity, 0);

function expectSettledAtKiteClose(orders: Awaited<ReturnType<typeof expiryOrders>>) {
  const call = orders.find((o) => o.tradingsymbol === CALL);
  const future = orders.find((o) => o.tradingsymbol === FUTURE);
  const intrinsic = Decimal.max(0, new Decimal(kiteClose).minus(26500));
  expect(call).toMatchObject({ status: 'COMPLETE', priceSource: 'kite', transactionType: 'SELL', quantity: 65 });
  expect(call?.fills.map((f) => new Decimal(f.price.toString()).toFixed(2))).toEqual([intrinsic.toFixed(2)]);
  expect(call?.statusMessage).toContain(`NIFTY 50 closed at ${kiteClose}`);
  expect(future).toMatchObject({ status: 'COMPLETE', priceSource: 'kite', transactionType: 'SELL', quantity: 65 });
  expect(future?.fills.map((f) => new Decimal(f.price.toString()).toFixed(2))).toEqual([new Decimal(kiteClose).toFixed(2)]);
  expect(future?.statusMessage).toContain(`final settlement price ${kiteClose}`);
}

describe("F&O traded at Kite's prices settle against Kite's close", () => {
  it("the next morning, with the user's session, at NIFTY 50's day candle from Kite", async () => {
    const userId = await longAtKitePrices('kite-expiry-candle');
    await clockAt(NEXT_DAY);
    expect(await connectKite(kite, { userId })).toBe('connected');
    kite.control.clearRequests();
    await processAccount({ userId });
    expectSettledAtKiteClose(await expiryOrders(userId));
    expect(kite.control.requests.some((r) => r.path === '/instruments/historical/256265/day')).toBe(true);
    expect(await openQuantity(userId, CALL)).toBe(0);
    expect(await drifts(userId)).toEqual([]);
  });

  it('waits, open, while the user has no live session, and settles as soon as Kite is connected', async () => {
    const userId = await longAtKitePrices('kite-expiry-wait');
    await clockAt(NEXT_DAY);
    await processAccount({ userId });
    // No made-up settlement: the positions stay open, nothing is booked.
    expect(await expiryOrders(userId)).toEqual([]);
    expect(await openQuantity(userId, CALL)).toBe(65);
    expect(await openQuantity(userId, FUTURE)).toBe(65);
    // The positions say so, and show no price for a contract that no longer trades.
    const waiting = (await listPositions({ userId })).filter((p) => p.quantity !== 0);
    expect(waiting.map((p) => [p.tradingsymbol, p.expiry, p.awaiting_settlement, p.last_price, p.unrealised]).sort()).toEqual([
      [CALL, '2026-12-29', true, null, '0.00'],
      [FUTURE, '2026-12-29', true, null, '0.00'],
    ]);
    expect(await connectKite(kite, { userId })).toBe('connected');
    await processAccount({ userId });
    expectSettledAtKiteClose(await expiryOrders(userId));
    expect((await listPositions({ userId })).filter((p) => p.awaiting_settlement)).toEqual([]);
    expect(await drifts(userId)).toEqual([]);
  });

  it("without historical data access: the quote's previous close on the next trading day, and waiting after that", async () => {
    const refused = { path: '/instruments/historical', status: 403, errorType: 'PermissionException', message: 'Insufficient permission for that call.', count: 10 };
    const nextDayUser = await longAtKitePrices('kite-expiry-ohlc');
    await clockAt(NEXT_DAY);
    expect(await connectKite(kite, { userId: nextDayUser })).toBe('connected');
    kite.control.failNext(refused);
    kite.control.clearRequests();
    await processAccount({ userId: nextDayUser });
    expectSettledAtKiteClose(await expiryOrders(nextDayUser));
    expect(kite.control.requests.some((r) => r.path === '/quote/ohlc')).toBe(true);

    // Days later the quote's previous close is another day's: the position waits for the candle.
    const laterUser = await longAtKitePrices('kite-expiry-later');
    await clockAt(DAYS_LATER);
    expect(await connectKite(kite, { userId: laterUser })).toBe('connected');
    kite.control.failNext(refused);
    kite.control.clearRequests();
    await processAccount({ userId: laterUser });
    expect(await expiryOrders(laterUser)).toEqual([]);
    expect(await openQuantity(laterUser, CALL)).toBe(65);
    expect(kite.control.requests.some((r) => r.path === '/quote/ohlc')).toBe(false);
  });
});
