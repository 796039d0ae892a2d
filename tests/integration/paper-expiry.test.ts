import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { UserId } from '@/lib/auth/user-id';
import { withUserTx } from '@/lib/db/rls';
import { findInstrument } from '@/lib/instruments/find-instrument';
import { simulatedProvider } from '@/lib/market-data/provider/simulated-provider';
import { getPaperAccount } from '@/lib/paper/account/get-paper-account';
import { processAccount } from '@/lib/paper/engine/process-account';
import { placeOrderSchema } from '@/lib/paper/orders/order-input';
import { placePaperOrder } from '@/lib/paper/orders/place-order';
import { getFunds, getOrder, listLedger, listOrders } from '@/lib/paper/read/read-paper';
import { reconcileAccount } from '@/lib/paper/reconcile/reconcile-account';
import { useDatedMarket } from '../support/dated-market';
import { netQuantity } from '../support/paper';
import { createTestUser } from '../support/users';

// NIFTY December 2026 options (65 a lot) expire on Tue 29 Dec 2026 and settle at their intrinsic
// value against NIFTY 50's close at 15:30 IST that day, on the simulated feed (always open). The file
// runs on 20 Nov 2026, when the bundled master lists them, so the outcome never depends on the day
// the suite runs.
const OPENED = new Date('2026-11-20T04:00:00.000Z');
const EXPIRY_CLOSE = new Date('2026-12-29T10:00:00.000Z');
const AFTER_EXPIRY = new Date('2026-12-30T04:00:00.000Z');
const STRIKES = [26300, 26350, 26400, 26450, 26500, 26550, 26600, 26650, 26700];

let niftyClose: Decimal;

useDatedMarket(OPENED);
beforeAll(async () => {
  const index = await findInstrument({ exchange: 'NSE', tradingsymbol: 'NIFTY 50' });
  if (!index) throw new Error('no NIFTY 50');
  const quote = (await simulatedProvider('always').quotes([index], EXPIRY_CLOSE)).get('NSE:NIFTY 50');
  if (!quote) throw new Error('no NIFTY 50 quote');
  niftyClose = new Decimal(quote.lastPrice);
});

const option = (strike: number, type: 'CE' | 'PE', transaction_type: 'BUY' | 'SELL') =>
  placeOrderSchema.parse({ exchange: 'NFO', tradingsymbol: `NIFTY26DEC${strike}${type}`, transaction_type, order_type: 'MARKET', product: 'NRML', quantity: 65 });

async function settle(userId: UserId, input: ReturnType<typeof option>) {
  const { order: opened } = await placePaperOrder({ userId, input, now: OPENED });
  expect(opened.status).toBe('COMPLETE');
  await processAccount({ userId, now: AFTER_EXPIRY });
  expect(await netQuantity(userId)).toBe(0);
  const expiry = (await listOrders({ userId })).find((o) => o.tag === 'EXPIRY');
  if (!expiry) throw new Error('no expiry order');
  const settled = await getOrder({ userId, orderId: expiry.order_id });
  expect(settled.status).toBe('COMPLETE');
  const [trade] = settled.trades;
  if (!trade) throw new Error('no expiry fill');
  const funds = await getFunds({ userId });
  expect(funds.used_margin).toBe('0.00');
  expect(await withUserTx(userId, (tx) => reconcileAccount(tx, userId, funds.id))).toEqual([]);
  return { opened, settled, trade, funds };
}

const chargeEntries = async (userId: UserId, refIds: string[]) =>
  (await listLedger({ userId })).filter((e) => (e.kind === 'CHARGE' || e.kind === 'SQUARE_OFF_CHARGE') && e.ref_id !== null && refIds.includes(e.ref_id));

describe('options at expiry settle at intrinsic value', () => {
  it('a long ITM call is exercised at underlying close − strike and pays STT on it, nothing else', async () => {
    const strike = STRIKES.find((s) => niftyClose.gt(s + 100));
    if (strike === undefined) throw new Error(`no strike well below NIFTY's close ${niftyClose.toString()}`);
    const user = await createTestUser('expiry');
    const { opened, trade } = await settle(user.id, option(strike, 'CE', 'BUY'));
    const intrinsic = niftyClose.minus(strike);
    expect(new Decimal(trade.average_price).toFixed(2)).toBe(intrinsic.toFixed(2));
    // 0.15% of 65 × intrinsic (the rate in force on 29 Dec 2026), to the rupee; no brokerage, no premium STT.
    const stt = intrinsic.mul(65).mul('0.0015').toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
    expect(trade.charges).toMatchObject({ brokerage: '0.00', transaction_tax: stt.toFixed(2), exchange_turnover_charge: '0.00', stamp_duty: '0.00', total: stt.toFixed(2) });
    expect((await chargeEntries(user.id, [trade.trade_id])).map((e) => e.amount)).toEqual([stt.neg().toFixed(2)]);
    const average = new Decimal(opened.averagePrice?.toString() ?? '0');
    const position = await withUserTx(user.id, (tx) => tx.paperPosition.findFirst({ where: { userId: user.id } }));
    expect(position?.realisedPnl.toString()).toBe(intrinsic.minus(average).mul(65).toDecimalPlaces(2).toString());
  });

  it('a long OTM put expires worthless with no charges', async () => {
    const strike = STRIKES.find((s) => niftyClose.gt(s));
    if (strike === undefined) throw new Error(`no strike below NIFTY's close ${niftyClose.toString()}`);
    const user = await createTestUser('expiry');
    const { opened, trade, settled } = await settle(user.id, option(strike, 'PE', 'BUY'));
    expect(trade.average_price).toBe(0);
    expect(trade.charges_total).toBe('0');
    expect(settled.status_message).toContain('expired worthless');
    expect(await chargeEntries(user.id, [trade.trade_id])).toEqual([]);
    // The whole premium paid is the loss; the account is down by it and the opening charges.
    const funds = await getFunds({ userId: user.id });
    expect(new Decimal(funds.realised_pnl).toFixed(2)).toBe(new Decimal(opened.averagePrice?.toString() ?? '0').mul(65).neg().toFixed(2));
  });

  it('a short ITM put is assigned at strike − underlying close with no STT', async () => {
    const strike = [...STRIKES].reverse().find((s) => niftyClose.lt(s));
    if (strike === undefined) throw new Error(`no strike above NIFTY's close ${niftyClose.toString()}`);
    const user = await createTestUser('expiry');
    // A short NIFTY option needs more margin than the opening ₹1,00,000: add ₹5,00,000 to the ledger.
    const account = await getPaperAccount({ userId: user.id });
    await withUserTx(user.id, (tx) => tx.ledgerEntry.create({ data: { userId: user.id, accountId: account.id, kind: 'TRADE_CREDIT', amount: '500000.00', note: 'Test funds' } }));
    const { opened, trade, settled } = await settle(user.id, option(strike, 'PE', 'SELL'));
    const intrinsic = new Decimal(strike).minus(niftyClose);
    expect(new Decimal(trade.average_price).toFixed(2)).toBe(intrinsic.toFixed(2));
    expect(trade.transaction_type).toBe('BUY');
    expect(trade.charges).toMatchObject({ transaction_tax: '0.00', brokerage: '0.00', total: '0.00' });
    expect(settled.status_message).toContain('assigned');
    expect(await chargeEntries(user.id, [trade.trade_id])).toEqual([]);
    const position = await withUserTx(user.id, (tx) => tx.paperPosition.findFirst({ where: { userId: user.id } }));
    expect(position?.realisedPnl.toString()).toBe(new Decimal(opened.averagePrice?.toString() ?? '0').minus(intrinsic).mul(65).toDecimalPlaces(2).toString());
  });

  it('a future still settles at its closing price with the usual charges', async () => {
    const user = await createTestUser('expiry');
    const account = await getPaperAccount({ userId: user.id });
    await withUserTx(user.id, (tx) => tx.ledgerEntry.create({ data: { userId: user.id, accountId: account.id, kind: 'TRADE_CREDIT', amount: '500000.00', note: 'Test funds' } }));
    const future = placeOrderSchema.parse({ exchange: 'NFO', tradingsymbol: 'NIFTY26DECFUT', transaction_type: 'BUY', order_type: 'MARKET', product: 'NRML', quantity: 65 });
    const { trade, settled } = await settle(user.id, future);
    const instrument = await findInstrument({ exchange: 'NFO', tradingsymbol: 'NIFTY26DECFUT' });
    if (!instrument) throw new Error('no future');
    const close = (await simulatedProvider('always').quotes([instrument], EXPIRY_CLOSE)).get('NFO:NIFTY26DECFUT');
    expect(new Decimal(trade.average_price).toFixed(2)).toBe(new Decimal(close?.lastPrice ?? '0').toFixed(2));
    expect(new Decimal(trade.charges_total).gt(0)).toBe(true);
    expect(settled.status_message).toContain('closing price');
  });
});
