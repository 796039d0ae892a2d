import { Decimal } from 'decimal.js';
import type { VirtualContractParam } from 'kiteconnect';
import { beforeAll, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { UserId } from '@/lib/auth/user-id';
import { db } from '@/lib/db/client';
import { findInstrument } from '@/lib/instruments/find-instrument';
import { seedBundledInstruments } from '@/lib/instruments/seed-bundled';
import { getKiteStatus } from '@/lib/kite/status';
import { simulatedProvider } from '@/lib/market-data/provider/simulated-provider';
import { computeCharges } from '@/lib/paper/charges/compute-charges';
import { adoptKiteCharges } from '@/lib/paper/kite/adopt-kite-charges';
import { kiteFillCharges } from '@/lib/paper/kite/kite-fill-charges';
import { kiteOrderRequirement, type RequirementOrder } from '@/lib/paper/kite/kite-order-requirement';
import { placeOrderSchema } from '@/lib/paper/orders/order-input';
import { placePaperOrder } from '@/lib/paper/orders/place-order';
import { processAccount } from '@/lib/paper/engine/process-account';
import { previewOrder } from '@/lib/paper/orders/preview-order';
import { getFunds } from '@/lib/paper/read/read-paper';
import type { FakeKite } from '@/tests/fakes/kite-server';
import { type KiteClient, loginAs } from '@/tests/fakes/kite-server/test-helpers';
import { connectKite, useFakeKite } from '../support/fake-kite';
import { nearMonthFuture, nearMonthOption } from '../support/contracts';
import { drifts } from '../support/paper';
import { createTestUser } from '../support/users';

// The fake Zerodha charges ₹15 brokerage (flat on options, the cap elsewhere) where our rate table
// says ₹20: Kite's figures and our estimate then differ, so a test can tell which one was used.
const fakeKite = useFakeKite({ rateLimits: false, brokerageRupees: 15 });
// Today's near-month NIFTY contracts, in both the app's bundled master and the fake's dump.
const FUTURE = nearMonthFuture('NIFTY');
const CALL_26300 = nearMonthOption('NIFTY', 26300, 'CE');
const CALL_26350 = nearMonthOption('NIFTY', 26350, 'CE');
let kite: FakeKite;
let direct: KiteClient;

beforeAll(async () => {
  await seedBundledInstruments();
  kite = fakeKite();
  direct = await loginAs(kite, 'AB1234');
});
beforeEach(() => kite.control.clearRequests());

async function linkedUser(label: string, zerodhaUser = 'AB1234', app?: { apiKey: string; apiSecret: string }) {
  const user = await createTestUser(label);
  expect(await connectKite(kite, { userId: user.id, zerodhaUser, ...(app && { app }) })).toBe('connected');
  return user;
}

/** Kite's float charges rounded as Zerodha's contract note is, computed independently of lib/paper/kite. */
function contractNoteTotal(charges: { transaction_tax: number; brokerage: number; exchange_turnover_charge: number; sebi_turnover_charge: number; stamp_duty: number; gst: { igst: number; cgst: number; sgst: number } }): string {
  const paise = (value: number) => new Decimal(String(value)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return new Decimal(String(charges.transaction_tax))
    .toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
    .plus(paise(charges.brokerage))
    .plus(paise(charges.exchange_turnover_charge))
    .plus(paise(charges.sebi_turnover_charge))
    .plus(paise(charges.stamp_duty))
    .plus(paise(charges.gst.igst))
    .plus(paise(charges.gst.cgst))
    .plus(paise(charges.gst.sgst))
    .toFixed(2);
}

async function fakeNote(order: Omit<VirtualContractParam, 'order_id' | 'variety'>) {
  const [row] = await direct.getvirtualContractNote([{ ...order, order_id: '1', variety: 'regular' }]);
  if (!row) throw new Error('no contract note');
  return row.charges;
}

/**
 * Orders at Kite's prices follow NSE hours, and Kite's quotes are live only for "now": tests that
 * place them move the clock (Date only; timers stay real) into a trading session.
 */
async function useClockAt(iso: string) {
  // PGlite's now() follows the faked Date, so Kite rate-limit slots reserved at the other clock lie
  // in the future of this one (or, after the test, of the real one): drop them on both moves.
  const dropKiteSlots = () => db().rateLimitBucket.deleteMany({ where: { key: { startsWith: 'kite:' } } });
  await dropKiteSlots();
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true, now: new Date(iso) });
  onTestFinished(async () => {
    vi.useRealTimers();
    await dropKiteSlots();
  });
}

const marginRequests = () => kite.control.requests.filter((r) => r.path.startsWith('/margins') || r.path.startsWith('/charges'));

const infyMis: RequirementOrder = { exchange: 'NSE', tradingsymbol: 'INFY', transaction_type: 'BUY', order_type: 'LIMIT', product: 'MIS', quantity: 100, price: '1500.00' };
const nfo = { exchange: 'NFO', order_type: 'LIMIT', product: 'NRML', quantity: 65 } as const;

describe("Kite's own margin and charges while the user's Kite session is live", () => {
  it('equity: /margins/orders in full mode gives the margin and charges, labelled kite, equal to the fake Zerodha', async () => {
    const user = await linkedUser('kite-req-equity');
    const live = await kiteOrderRequirement({ userId: user.id, order: infyMis, openPositions: [] });
    expect(live?.margin).toMatchObject({ total: '30000.00', source: 'kite' });
    expect(live?.margin.method).toContain('Zerodha (live)');
    const fakeCharges = await fakeNote({ exchange: 'NSE', tradingsymbol: 'INFY', transaction_type: 'BUY', product: 'MIS', order_type: 'LIMIT', quantity: 100, average_price: 1500 });
    expect(live?.charges).toMatchObject({ brokerage: '15.00', rateVersion: 'kite', total: contractNoteTotal(fakeCharges) });
    // Our own table would have charged ₹20 brokerage: the figure really is Kite's.
    const estimate = computeCharges({ tradeDate: new Date(), exchange: 'NSE', segment: 'EQ', product: 'MIS', transactionType: 'BUY', quantity: 100, price: '1500.00' });
    expect(live?.charges.total).not.toBe(estimate.total);
    const [request] = marginRequests();
    expect(request).toMatchObject({ path: '/margins/orders', query: { mode: [''] } });
    expect(JSON.parse(request?.body ?? '[]')).toEqual([expect.objectContaining({ tradingsymbol: 'INFY', quantity: 100, price: 1500, product: 'MIS' })]);
  });

  it('equity: only the part that opens a position is margined; a pure close needs no margin but still pays charges', async () => {
    const user = await linkedUser('kite-req-close');
    const partly = await kiteOrderRequirement({ userId: user.id, order: { ...infyMis, openingQuantity: 40 }, openPositions: [] });
    expect(partly?.margin.total).toBe('12000.00');
    expect(partly?.charges.brokerage).toBe('15.00');
    const closing = await kiteOrderRequirement({ userId: user.id, order: { ...infyMis, transaction_type: 'SELL', openingQuantity: 0 }, openPositions: [] });
    expect(closing?.margin).toMatchObject({ total: '0.00', source: 'kite' });
    expect(closing?.charges).toMatchObject({ rateVersion: 'kite', transaction_tax: '38.00' });
  });

  it("F&O: /margins/basket without the real account's positions, incremental over the PAPER positions", async () => {
    // CD5678 is really long one lot of the NIFTY future at Zerodha; consider_positions would net against it.
    const user = await linkedUser('kite-req-fno', 'CD5678');
    const sellFuture = { ...nfo, tradingsymbol: FUTURE, transaction_type: 'SELL', price: '26000.00' } as const;
    const alone = await kiteOrderRequirement({ userId: user.id, order: sellFuture, openPositions: [] });
    expect(alone?.margin).toMatchObject({ total: '236600.00', source: 'kite', method: 'Zerodha (live): /margins/basket' });
    expect(marginRequests().map((r) => r.query.consider_positions)).toEqual([['false']]);

    // A paper short call; buying two lots of the future hedges it: (0.3·SPAN both + exposures) − call alone.
    const shortCall = { exchange: 'NFO', tradingsymbol: CALL_26300, product: 'NRML', quantity: -65, averagePrice: '150' } as const;
    kite.control.clearRequests();
    const hedged = await kiteOrderRequirement({ userId: user.id, order: { ...sellFuture, transaction_type: 'BUY', quantity: 130 }, openPositions: [shortCall] });
    expect(hedged?.margin.total).toBe('81581.50');
    expect(hedged?.margin.method).toContain('1 open paper F&O position');
    const [withOrder, without] = marginRequests().map((r) => JSON.parse(r.body) as { tradingsymbol: string; transaction_type: string; quantity: number }[]);
    expect(withOrder).toEqual([
      expect.objectContaining({ tradingsymbol: CALL_26300, transaction_type: 'SELL', quantity: 65, price: 150 }),
      expect.objectContaining({ tradingsymbol: FUTURE, transaction_type: 'BUY', quantity: 130 }),
    ]);
    expect(without).toEqual([expect.objectContaining({ tradingsymbol: CALL_26300, transaction_type: 'SELL', quantity: 65 })]);
    expect(hedged?.charges).toMatchObject({ rateVersion: 'kite', brokerage: '15.00' });
  });

  it('the order ticket shows Kite figures labelled kite, built on the paper F&O positions; unlinked users get the estimate', async () => {
    const user = await createTestUser('kite-ticket');
    // A paper long call bought at simulated prices before Zerodha was connected.
    const { order } = await placePaperOrder({ userId: user.id, input: placeOrderSchema.parse({ exchange: 'NFO', tradingsymbol: CALL_26300, transaction_type: 'BUY', order_type: 'MARKET', product: 'NRML', quantity: 65 }) });
    expect(order.status).toBe('COMPLETE');
    const sellCall = placeOrderSchema.parse({ exchange: 'NFO', tradingsymbol: CALL_26350, transaction_type: 'SELL', order_type: 'LIMIT', product: 'NRML', quantity: 65, price: '100.00' });
    const before = await previewOrder({ userId: user.id, input: sellCall });
    expect(before.margin.source).toBe('estimate');
    expect(before.charges.rateVersion).not.toBe('kite');

    expect(await connectKite(kite, { userId: user.id })).toBe('connected');
    // The preview above remembered that this user had no Kite session; connecting forgets it at once.
    const preview = await previewOrder({ userId: user.id, input: sellCall });
    expect(preview.quote.source).toBe('kite');
    // Short 26350 call against the paper long 26300 call: 30% of its SPAN plus its exposure.
    expect(preview.margin).toMatchObject({ source: 'kite', total: '80499.25' });
    expect(preview.charges).toMatchObject({ rateVersion: 'kite', brokerage: '15.00' });
    expect(preview.total).toBe(new Decimal(preview.margin.total).plus(preview.charges.total).toFixed(2));
    const basket = marginRequests().find((r) => r.path === '/margins/basket');
    expect(JSON.parse(basket?.body ?? '[]')[0]).toMatchObject({ tradingsymbol: CALL_26300, transaction_type: 'BUY', quantity: 65 });
  });
});

describe('falling back to the estimate', () => {
  it('an expired token gives null, marks the session expired, and the ticket shows the estimate', async () => {
    const user = await linkedUser('kite-expired', 'EF9012');
    kite.control.expireTokens({ userId: 'EF9012' });
    expect(await kiteOrderRequirement({ userId: user.id, order: infyMis, openPositions: [] })).toBeNull();
    expect((await getKiteStatus({ userId: user.id })).session).toBe('expired');
    expect(await kiteFillCharges({ userId: user.id, orders: [{ ...infyMis, average_price: '1500' }] })).toBeNull();
    const preview = await previewOrder({ userId: user.id, input: placeOrderSchema.parse({ exchange: 'NSE', tradingsymbol: 'INFY', transaction_type: 'BUY', order_type: 'LIMIT', product: 'MIS', quantity: 100, price: '1500.00' }) });
    expect(preview.margin.source).toBe('estimate');
    expect(preview.charges.brokerage).toBe('20.00');
  });

  it('a Kite 500 gives null and the ticket uses the estimate (with Kite prices)', async () => {
    const user = await linkedUser('kite-500');
    kite.control.failNext({ path: '/margins', status: 500, errorType: 'GeneralException', message: 'boom', count: 2 });
    expect(await kiteOrderRequirement({ userId: user.id, order: infyMis, openPositions: [] })).toBeNull();
    const preview = await previewOrder({ userId: user.id, input: placeOrderSchema.parse({ exchange: 'NSE', tradingsymbol: 'INFY', transaction_type: 'BUY', order_type: 'LIMIT', product: 'MIS', quantity: 100, price: '1500.00' }) });
    expect(preview.quote.source).toBe('kite');
    expect(preview.margin.source).toBe('estimate');
    expect(preview.charges.rateVersion).not.toBe('kite');
    // Once Kite answers again, its figures are back.
    expect((await kiteOrderRequirement({ userId: user.id, order: infyMis, openPositions: [] }))?.margin.source).toBe('kite');
  });

  it('a slow Kite is given up on after the short timeout: null, and the ticket still answers', async () => {
    const user = await linkedUser('kite-slow');
    kite.control.slow({ path: '/margins', ms: 5_000, count: 1 });
    const started = Date.now();
    expect(await kiteOrderRequirement({ userId: user.id, order: infyMis, openPositions: [] })).toBeNull();
    expect(Date.now() - started).toBeLessThan(4_500);
    kite.control.slow({ path: '/margins', ms: 5_000, count: 1 });
    const preview = await previewOrder({ userId: user.id, input: placeOrderSchema.parse({ exchange: 'NSE', tradingsymbol: 'INFY', transaction_type: 'BUY', order_type: 'LIMIT', product: 'MIS', quantity: 100, price: '1500.00' }) });
    expect(preview.margin.source).toBe('estimate');
  });
});

describe('isolation', () => {
  it("user B's live session is never used for user A", async () => {
    const other = { apiKey: 'tdalphaapp01', apiSecret: 'alphasecret0123456789' };
    kite.control.addApp(other);
    const a = await createTestUser('kite-iso-a');
    const b = await linkedUser('kite-iso-b');
    // A has no Kite session: nothing is asked of Kite at all, B's session notwithstanding.
    expect(await kiteOrderRequirement({ userId: a.id, order: infyMis, openPositions: [] })).toBeNull();
    expect(await kiteFillCharges({ userId: a.id, orders: [{ ...infyMis, average_price: '1500' }] })).toBeNull();
    expect(marginRequests()).toEqual([]);
    // Once A connects their own app, A's calls carry A's api_key and B's carry B's.
    expect(await connectKite(kite, { userId: a.id, zerodhaUser: 'CD5678', app: other })).toBe('connected');
    await kiteOrderRequirement({ userId: a.id, order: infyMis, openPositions: [] });
    await kiteOrderRequirement({ userId: b.id, order: infyMis, openPositions: [] });
    expect(marginRequests().map((r) => r.headers.authorization)).toEqual([`token ${other.apiKey}:***`, `token ${kite.control.demoApp.apiKey}:***`]);
  });
});

/** A marketable MIS buy that takes the first ask level and one unit of the next: two fills at two prices. */
async function twoFillBuy(now: Date) {
  for (const tradingsymbol of ['ITC', 'SBIN', 'HDFCBANK', 'INFY', 'ICICIBANK', 'RELIANCE']) {
    const instrument = await findInstrument({ exchange: 'NSE', tradingsymbol });
    if (!instrument) continue;
    for (let second = 0; second < 120; second++) {
      const at = new Date(now.getTime() + second * 1000);
      const quote = (await simulatedProvider('always').quotes([instrument], at)).get(`NSE:${tradingsymbol}`);
      const [first, next] = quote?.depth?.sell ?? [];
      // Over ₹66,667 the order pays the brokerage cap (our ₹20, the fake Zerodha's ₹15); under ₹2L its MIS margin fits the account.
      const value = first ? new Decimal(first.price).mul(first.quantity + 1) : null;
      if (!first || !next || value === null || value.lt(80_000) || value.gt(200_000)) continue;
      return { at, input: placeOrderSchema.parse({ exchange: 'NSE', tradingsymbol, transaction_type: 'BUY', order_type: 'LIMIT', product: 'MIS', quantity: first.quantity + 1, price: next.price }) };
    }
  }
  throw new Error('no simulated book with a small first ask level');
}

async function fillsOf(userId: UserId, orderId: string) {
  return db().paperFill.findMany({ where: { userId, orderId }, orderBy: [{ filledAt: 'asc' }, { id: 'asc' }] });
}


describe("adopting Kite's contract note after fills", () => {
  it("rewrites the fills with Kite's charges, books the difference once, reconciles, and a second run changes nothing", async () => {
    const user = await createTestUser('kite-adopt');
    const { at, input } = await twoFillBuy(new Date());
    const { order: equity } = await placePaperOrder({ userId: user.id, input, now: at });
    const { order: option } = await placePaperOrder({ userId: user.id, input: placeOrderSchema.parse({ exchange: 'NFO', tradingsymbol: CALL_26300, transaction_type: 'BUY', order_type: 'MARKET', product: 'NRML', quantity: 65 }), now: at });
    const equityFills = await fillsOf(user.id, equity.id);
    expect(equityFills).toHaveLength(2);
    const before = new Map([equity, option].map((o) => [o.id, o]));
    const oldTotals = new Map<string, Decimal>();
    for (const id of before.keys()) oldTotals.set(id, (await fillsOf(user.id, id)).reduce((sum, f) => sum.plus(f.chargesTotal.toString()), new Decimal(0)));
    const cashBefore = new Decimal((await getFunds({ userId: user.id })).available);

    expect(await connectKite(kite, { userId: user.id })).toBe('connected');
    const result = await adoptKiteCharges({ userId: user.id, orderIds: [equity.id, option.id], now: at });
    expect(result?.adopted.sort()).toEqual([equity.id, option.id].sort());

    let delta = new Decimal(0);
    for (const order of before.values()) {
      const fills = await fillsOf(user.id, order.id);
      expect(fills.every((f) => f.chargesSource === 'kite' && (f.charges as { rateVersion: string }).rateVersion === 'kite')).toBe(true);
      // The fills add up to Kite's note for the whole order at its filled quantity and average price.
      const quantity = fills.reduce((sum, f) => sum + f.quantity, 0);
      const turnover = fills.reduce((sum, f) => sum.plus(new Decimal(f.price.toString()).mul(f.quantity)), new Decimal(0));
      const note = await fakeNote({
        exchange: order.exchange as 'NSE',
        tradingsymbol: order.tradingsymbol,
        transaction_type: order.transactionType as 'BUY',
        product: order.product as 'MIS',
        order_type: order.orderType as 'LIMIT',
        quantity,
        average_price: Number(turnover.div(quantity).toDecimalPlaces(6)),
      });
      const newTotal = fills.reduce((sum, f) => sum.plus(f.chargesTotal.toString()), new Decimal(0));
      expect(newTotal.toFixed(2)).toBe(contractNoteTotal(note));
      const difference = (oldTotals.get(order.id) ?? new Decimal(0)).minus(newTotal);
      // ₹15 brokerage at the fake Zerodha against our ₹20: a refund on each order.
      expect(difference.gt(0)).toBe(true);
      const entries = await db().ledgerEntry.findMany({ where: { userId: user.id, refId: order.id, kind: 'CHARGE' } });
      expect(entries.map((e) => new Decimal(e.amount.toString()).toFixed(2))).toEqual([difference.toFixed(2)]);
      delta = delta.plus(difference);
    }
    // The first fill of the two-fill order pays what Kite charges for it alone (brokerage included).
    const [firstFill] = await fillsOf(user.id, equity.id);
    const firstNote = await fakeNote({ exchange: 'NSE', tradingsymbol: equity.tradingsymbol, transaction_type: 'BUY', product: 'MIS', order_type: 'LIMIT', quantity: firstFill?.quantity ?? 0, average_price: Number(firstFill?.price.toString()) });
    expect(firstFill?.chargesTotal.toFixed(2)).toBe(contractNoteTotal(firstNote));

    expect(new Decimal((await getFunds({ userId: user.id })).available).toFixed(2)).toBe(cashBefore.plus(delta).toFixed(2));
    expect(await drifts(user.id)).toEqual([]);

    const ledgerCount = await db().ledgerEntry.count({ where: { userId: user.id } });
    const snapshot = await db().paperFill.findMany({ where: { userId: user.id }, orderBy: { id: 'asc' } });
    kite.control.clearRequests();
    expect(await adoptKiteCharges({ userId: user.id, orderIds: [equity.id, option.id], now: at })).toEqual({ adopted: [] });
    expect(await db().ledgerEntry.count({ where: { userId: user.id } })).toBe(ledgerCount);
    expect(await db().paperFill.findMany({ where: { userId: user.id }, orderBy: { id: 'asc' } })).toEqual(snapshot);
    expect(marginRequests()).toEqual([]);
  });

  it("a live order blocks Kite's margin and its fills carry Kite's contract note, with no extra step", async () => {
    await useClockAt('2026-11-25T05:00:00.000Z'); // Wednesday 10:30 IST
    const user = await linkedUser('kite-place');
    const input = placeOrderSchema.parse({ exchange: 'NSE', tradingsymbol: 'INFY', transaction_type: 'BUY', order_type: 'MARKET', product: 'MIS', quantity: 100 });
    const { order } = await placePaperOrder({ userId: user.id, input });
    expect(order).toMatchObject({ status: 'COMPLETE', priceSource: 'kite' });
    const asked = marginRequests().map((r) => r.path);
    expect(asked).toContain('/margins/orders');
    expect(asked).toContain('/charges/orders');
    const fills = await fillsOf(user.id, order.id);
    expect(fills.length).toBeGreaterThan(0);
    // ₹15 is the fake Zerodha's brokerage cap; our own table would say ₹20.
    expect(fills.every((f) => f.chargesSource === 'kite')).toBe(true);
    expect(fills.reduce((sum, f) => sum.plus((f.charges as { brokerage: string }).brokerage), new Decimal(0)).toFixed(2)).toBe('15.00');
    const block = await db().ledgerEntry.findFirst({ where: { userId: user.id, refId: order.id, kind: 'MARGIN_BLOCK' } });
    const kiteMargin = new Decimal(order.blockedMargin.toString());
    expect(new Decimal(block?.amount.toString() ?? '0').neg().toFixed(2)).toBe(kiteMargin.toFixed(2));
    expect(await drifts(user.id)).toEqual([]);
  });

  it("the engine squares off an MIS position at Kite's prices at 15:20 IST and the fill takes Kite's note; the ₹50 + GST stays ours", async () => {
    await useClockAt('2026-11-25T09:00:00.000Z'); // Wednesday 14:30 IST
    const user = await linkedUser('kite-squareoff');
    const input = placeOrderSchema.parse({ exchange: 'NSE', tradingsymbol: 'INFY', transaction_type: 'BUY', order_type: 'MARKET', product: 'MIS', quantity: 100 });
    expect((await placePaperOrder({ userId: user.id, input })).order.status).toBe('COMPLETE');
    // Kite's prices bring NSE hours even though the simulated market here trades around the clock.
    vi.setSystemTime(new Date('2026-11-25T09:51:00.000Z')); // 15:21 IST
    await processAccount({ userId: user.id });
    const squareOff = await db().paperOrder.findFirst({ where: { userId: user.id, tag: 'SQUAREOFF' } });
    expect(squareOff).toMatchObject({ status: 'COMPLETE', priceSource: 'kite', transactionType: 'SELL', quantity: 100 });
    const fills = await fillsOf(user.id, squareOff?.id ?? '');
    expect(fills.length).toBeGreaterThan(0);
    expect(fills.every((f) => f.chargesSource === 'kite')).toBe(true);
    const brokerage = fills.reduce((sum, f) => sum.plus((f.charges as { brokerage: string }).brokerage), new Decimal(0));
    expect(brokerage.toFixed(2)).toBe('15.00');
    const squareOffCharge = await db().ledgerEntry.findMany({ where: { userId: user.id, kind: 'SQUARE_OFF_CHARGE' } });
    expect(squareOffCharge.map((e) => e.amount.toString())).toEqual(['-59']);
    expect(await drifts(user.id)).toEqual([]);
  });

  it("leaves our charges in place when Kite fails or is not live, for another user's orders, and for another day's fills", async () => {
    const user = await createTestUser('kite-adopt-fail');
    const now = new Date();
    const { order } = await placePaperOrder({ userId: user.id, input: placeOrderSchema.parse({ exchange: 'NFO', tradingsymbol: CALL_26300, transaction_type: 'BUY', order_type: 'MARKET', product: 'NRML', quantity: 65 }), now });
    const untouched = async () => {
      expect((await fillsOf(user.id, order.id)).every((f) => f.chargesSource !== 'kite')).toBe(true);
      expect(await db().ledgerEntry.count({ where: { userId: user.id, refId: order.id, kind: 'CHARGE' } })).toBe(0);
      expect(await drifts(user.id)).toEqual([]);
    };
    expect(await adoptKiteCharges({ userId: user.id, orderIds: [order.id], now })).toBeNull();
    await untouched();

    expect(await connectKite(kite, { userId: user.id })).toBe('connected');
    kite.control.failNext({ path: '/charges/orders', status: 500, errorType: 'GeneralException', message: 'boom', count: 2 });
    expect(await adoptKiteCharges({ userId: user.id, orderIds: [order.id], now })).toBeNull();
    await untouched();

    const stranger = await linkedUser('kite-adopt-stranger');
    expect(await adoptKiteCharges({ userId: stranger.id, orderIds: [order.id], now })).toEqual({ adopted: [] });
    await untouched();

    const tomorrow = new Date(now.getTime() + 24 * 60 * 60 * 1000);
    expect(await adoptKiteCharges({ userId: user.id, orderIds: [order.id], now: tomorrow })).toEqual({ adopted: [] });
    await untouched();

    expect((await adoptKiteCharges({ userId: user.id, orderIds: [order.id], now }))?.adopted).toEqual([order.id]);
    expect((await fillsOf(user.id, order.id)).every((f) => f.chargesSource === 'kite')).toBe(true);
    expect(await drifts(user.id)).toEqual([]);
  });
});
