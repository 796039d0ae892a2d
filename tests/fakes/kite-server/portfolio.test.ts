import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeKite, startFakeKite } from './server';
import { type KiteClient, loginAs } from './test-helpers';

// Friday 2026-11-20 15:45:00 IST, after the close, so every fill of the day is in the past.
const NOW = new Date('2026-11-20T10:15:00Z');
let fake: FakeKite;
let aarav: KiteClient;
let priya: KiteClient;
let rohan: KiteClient;

beforeAll(async () => {
  fake = await startFakeKite({ now: () => NOW, rateLimits: false });
  aarav = await loginAs(fake, 'AB1234');
  priya = await loginAs(fake, 'CD5678');
  rohan = await loginAs(fake, 'EF9012');
});
afterAll(async () => {
  await fake.close();
});

const d = (value: number) => new Decimal(value);

describe('profile', () => {
  it('returns each user their own profile with no tokens', async () => {
    const profile = await priya.getProfile();
    expect(profile).toEqual({
      user_id: 'CD5678',
      user_type: 'individual',
      email: 'priya.nair@example.in',
      user_name: 'Priya Nair',
      user_shortname: 'Priya',
      broker: 'ZERODHA',
      exchanges: ['BFO', 'MCX', 'NSE', 'CDS', 'BSE', 'BCD', 'MF', 'NFO'],
      products: ['CNC', 'NRML', 'MIS', 'BO', 'CO'],
      order_types: ['MARKET', 'LIMIT', 'SL', 'SL-M'],
      avatar_url: null,
      meta: { demat_consent: 'consent' },
    });
  });
});

describe('holdings', () => {
  it('are realistic, per user, and internally consistent', async () => {
    const holdings = await aarav.getHoldings();
    expect(holdings.map((h) => h.tradingsymbol)).toEqual(['INFY', 'RELIANCE', 'TCS', 'HDFCBANK', 'SBIN', 'ITC']);
    for (const h of holdings) {
      const quantity = h.quantity + h.t1_quantity;
      expect(h.pnl).toBeCloseTo(d(h.last_price).minus(h.average_price).mul(quantity).toNumber(), 6);
      expect(h.day_change).toBeCloseTo(h.last_price - h.close_price, 6);
      expect(h.day_change_percentage).toBeCloseTo(((h.last_price - h.close_price) / h.close_price) * 100, 6);
      expect(h.product).toBe('CNC');
      expect(h.isin).toMatch(/^INE[0-9A-Z]{9}$/);
      // INFY etc. trade on a 0.05 tick: prices are whole multiples of it.
      expect(d(h.last_price).mod(0.05).toNumber()).toBe(0);
    }
    const infy = holdings[0];
    expect(infy).toMatchObject({ exchange: 'NSE', instrument_token: 408065, isin: 'INE009A01021', quantity: 40, average_price: 1385.5 });
    expect(holdings.find((h) => h.tradingsymbol === 'SBIN')).toMatchObject({ t1_quantity: 10, quantity: 50 });
    expect(holdings.find((h) => h.tradingsymbol === 'RELIANCE')).toMatchObject({ collateral_quantity: 10, collateral_type: 'collateral' });
    const bseSbin = (await priya.getHoldings()).find((h) => h.exchange === 'BSE');
    expect(bseSbin).toMatchObject({ tradingsymbol: 'SBIN', instrument_token: 128028676, quantity: 16 });
    expect(await rohan.getHoldings()).toEqual([]);
  });
});

describe('positions', () => {
  it('follow Kite arithmetic for net and day books', async () => {
    const { net, day } = await priya.getPositions();
    const future = net.find((p) => p.exchange === 'NFO');
    // The nearest unexpired NIFTY future in the instrument master (bundled CSV or generated).
    expect(future?.tradingsymbol).toMatch(/^NIFTY2[67](NOV|DEC|JAN)FUT$/);
    expect(future).toMatchObject({ product: 'NRML', quantity: 65, overnight_quantity: 65, multiplier: 1, buy_quantity: 130, sell_quantity: 65 });
    for (const p of [...net, ...day]) {
      expect(p.value).toBeCloseTo(p.sell_value - p.buy_value, 6);
      expect(p.pnl).toBeCloseTo(p.value + p.quantity * p.last_price * p.multiplier, 6);
      expect(p.m2m).toBeCloseTo(p.sell_m2m - p.buy_m2m + p.quantity * p.last_price, 6);
      expect(p.quantity).toBe(p.buy_quantity - p.sell_quantity);
    }
    // Overnight quantity is marked from the previous close in m2m.
    expect(future?.buy_m2m).toBeCloseTo(65 * (future?.close_price ?? 0) + 65 * (future?.day_buy_price ?? 0), 4);
    const dayFuture = day.find((p) => p.exchange === 'NFO');
    expect(dayFuture).toMatchObject({ quantity: 0, overnight_quantity: 0, day_buy_quantity: 65, day_sell_quantity: 65 });
    expect(dayFuture?.pnl).toBeCloseTo(((dayFuture?.day_sell_price ?? 0) - (dayFuture?.day_buy_price ?? 0)) * 65, 6);
    const reliance = net.find((p) => p.tradingsymbol === 'RELIANCE');
    expect(reliance).toMatchObject({ quantity: 0, day_sell_quantity: 30, day_buy_quantity: 30 });
    expect(reliance?.pnl).toBeCloseTo(((reliance?.sell_price ?? 0) - (reliance?.buy_price ?? 0)) * 30, 6);
    // Fills happen at the fake market's own prices, so they lie inside the day's range.
    const [quote] = Object.values(await priya.getOHLC(['NSE:RELIANCE']));
    expect(reliance?.buy_price).toBeGreaterThanOrEqual(quote?.ohlc.low ?? Infinity);
    expect(reliance?.buy_price).toBeLessThanOrEqual(quote?.ohlc.high ?? -Infinity);
    expect(await rohan.getPositions()).toEqual({ net: [], day: [] });
  });
});

describe('margins', () => {
  it('use Kite field names for both segments and the single-segment route', async () => {
    const margins = await aarav.getMargins();
    expect(Object.keys(margins).sort()).toEqual(['commodity', 'equity']);
    const equity = margins.equity;
    if (!equity) throw new Error('equity segment missing');
    expect(Object.keys(equity.available).sort()).toEqual(
      ['adhoc_margin', 'cash', 'collateral', 'intraday_payin', 'live_balance', 'opening_balance'].sort(),
    );
    expect(Object.keys(equity.utilised)).toEqual(
      expect.arrayContaining(['debits', 'exposure', 'm2m_realised', 'm2m_unrealised', 'option_premium', 'payout', 'span', 'holding_sales', 'turnover']),
    );
    expect(equity.available.cash).toBe(245431.6 + 15000);
    expect(equity.available.live_balance).toBeCloseTo(equity.available.cash - equity.utilised.debits, 6);
    expect(equity.net).toBeCloseTo(equity.available.live_balance + equity.available.collateral, 6);
    expect(equity.available.collateral).toBeGreaterThan(0);
    // kiteconnect's types claim {equity?, commodity?} here, but a segment call returns the bare segment.
    const single: unknown = await aarav.getMargins('equity');
    expect(single).toEqual(equity);
    const request = fake.control.requests.find((r) => r.path === '/user/margins/equity');
    expect(request?.query.segment).toEqual(['equity']);
    const disabled: unknown = await rohan.getMargins('commodity');
    expect(disabled).toMatchObject({ enabled: false, net: 0 });
  });
});

describe('orders and trades', () => {
  it('give string ids, IST timestamps the client turns into Dates, and matching trades', async () => {
    const orders = await aarav.getOrders();
    expect(orders.map((o) => o.status)).toEqual(['COMPLETE', 'OPEN', 'COMPLETE', 'COMPLETE', 'REJECTED']);
    for (const order of orders) {
      expect(order.order_id).toMatch(/^\d{19}$/);
      expect(order.placed_by).toBe('AB1234');
      expect(order.order_timestamp).toBeInstanceOf(Date);
    }
    const first = orders[0];
    expect(first?.order_timestamp).toEqual(new Date(2026, 10, 20, 9, 21, 14));
    // The client leaves exchange_update_timestamp as Kite's string.
    expect(first?.exchange_update_timestamp).toBe('2026-11-20 09:21:15');
    const rejected = orders.find((o) => o.status === 'REJECTED');
    expect(rejected?.exchange_order_id).toBeNull();
    expect(rejected?.status_message).toMatch(/^Insufficient funds/);

    const trades = await aarav.getTrades();
    expect(trades).toHaveLength(3);
    expect(trades[0]).toMatchObject({ order_id: first?.order_id, quantity: 20, average_price: first?.average_price, order_timestamp: '09:21:14' });
    const infyPosition = (await aarav.getPositions()).net.find((p) => p.tradingsymbol === 'INFY');
    expect(first?.average_price).toBe(infyPosition?.day_buy_price);
    expect(trades[0]?.fill_timestamp).toBeInstanceOf(Date);

    const history = await aarav.getOrderHistory(first?.order_id ?? '');
    expect(history.map((o) => o.status)).toEqual(['PUT ORDER REQ RECEIVED', 'VALIDATION PENDING', 'OPEN PENDING', 'OPEN', 'COMPLETE']);
    expect(await aarav.getOrderTrades(first?.order_id ?? '')).toHaveLength(1);
    // Another user's order id is unknown to this user.
    const foreign = (await priya.getOrders())[0]?.order_id ?? '';
    await expect(aarav.getOrderHistory(foreign)).rejects.toMatchObject({ error_type: 'InputException' });
  });
});

describe('request log', () => {
  it('records what the client sent, with the access token masked', () => {
    const holdingsCall = fake.control.requests.find((r) => r.path === '/portfolio/holdings');
    expect(holdingsCall?.method).toBe('GET');
    expect(holdingsCall?.headers['x-kite-version']).toBe('3');
    expect(holdingsCall?.headers['user-agent']).toBe('kiteconnectjs/5.3.0');
    expect(holdingsCall?.headers.authorization).toBe(`token ${fake.control.demoApp.apiKey}:***`);
    expect(holdingsCall?.status).toBe(200);
  });
});
