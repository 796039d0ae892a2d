import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Decimal from 'decimal.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { INSTRUMENT_COLUMNS } from './instruments';
import { type FakeKite, startFakeKite } from './server';
import { kiteClient, type KiteClient, loginAs, rejectionOf } from './test-helpers';

// Friday 2026-11-20 11:00:00 IST, mid-session.
const NOW = new Date('2026-11-20T05:30:00Z');
let fake: FakeKite;
let kc: KiteClient;

beforeAll(async () => {
  fake = await startFakeKite({ now: () => NOW, rateLimits: false });
  kc = await loginAs(fake, 'AB1234');
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.control.setRateLimiting(false);
});

const onTick = (price: number, tick: number) => new Decimal(price).mod(tick).isZero();

describe('quotes', () => {
  it('getQuote returns Kite fields, 5-level depth on the tick, and Dates for timestamps', async () => {
    const quotes = await kc.getQuote(['NSE:INFY', 'NSE:NIFTY 50', 'NSE:NOSUCH']);
    expect(Object.keys(quotes).sort()).toEqual(['NSE:INFY', 'NSE:NIFTY 50']);
    const request = fake.control.requests.at(-1);
    expect(request?.query.i).toEqual(['NSE:INFY', 'NSE:NIFTY 50', 'NSE:NOSUCH']);
    const infy = quotes['NSE:INFY'];
    expect(infy).toBeDefined();
    if (!infy) return;
    expect(infy.instrument_token).toBe(408065);
    expect(infy.timestamp).toEqual(new Date(2026, 10, 20, 11, 0, 0));
    expect(infy.last_trade_time).toBeInstanceOf(Date);
    expect(infy.depth.buy).toHaveLength(5);
    expect(infy.depth.sell).toHaveLength(5);
    for (const level of [...infy.depth.buy, ...infy.depth.sell]) expect(onTick(level.price, 0.05)).toBe(true);
    expect(infy.depth.sell[0]?.price).toBeGreaterThan(infy.depth.buy[0]?.price ?? Infinity);
    expect(onTick(infy.last_price, 0.05)).toBe(true);
    expect(infy.net_change).toBeCloseTo(infy.last_price - infy.ohlc.close, 6);
    expect(infy.ohlc.high).toBeGreaterThanOrEqual(Math.max(infy.ohlc.open, infy.last_price));
    expect(infy.ohlc.low).toBeLessThanOrEqual(Math.min(infy.ohlc.open, infy.last_price));
    expect(infy.volume).toBeGreaterThan(0);
    expect(infy.lower_circuit_limit).toBeLessThan(infy.last_price);
    expect(infy.upper_circuit_limit).toBeGreaterThan(infy.last_price);
    expect(quotes['NSE:NIFTY 50']?.instrument_token).toBe(256265);
  });

  it('LTP and OHLC agree with the full quote and move deterministically with time', async () => {
    const ltp = await kc.getLTP('NSE:RELIANCE');
    const ohlc = await kc.getOHLC(['NSE:RELIANCE', 'BSE:SENSEX']);
    const full = await kc.getQuote('NSE:RELIANCE');
    expect(ltp['NSE:RELIANCE']).toEqual({ instrument_token: 738561, last_price: full['NSE:RELIANCE']?.last_price });
    expect(ohlc['NSE:RELIANCE']?.ohlc).toEqual(full['NSE:RELIANCE']?.ohlc);
    expect(ohlc['BSE:SENSEX']?.instrument_token).toBe(265);
    const prices: number[] = [];
    for (let step = 0; step < 6; step += 1) {
      fake.control.advanceClock(20_000);
      prices.push((await kc.getLTP('NSE:RELIANCE'))['NSE:RELIANCE']?.last_price ?? 0);
    }
    expect(new Set(prices).size).toBeGreaterThan(1);
    const base = prices[0] ?? 0;
    for (const price of prices) expect(Math.abs(price - base) / base).toBeLessThan(0.05);
    // Same instant, same price: rewind and ask again.
    fake.control.advanceClock(-100_000);
    expect((await kc.getLTP('NSE:RELIANCE'))['NSE:RELIANCE']?.last_price).toBe(prices[0]);
    fake.control.advanceClock(-20_000);
  });

  it('enforces 1 request/second on quote endpoints per api_key with HTTP 429', async () => {
    fake.control.setRateLimiting(true);
    await kc.getLTP('NSE:INFY');
    const error = await rejectionOf(kc.getOHLC('NSE:INFY'));
    expect(error).toEqual({ status: 'error', message: 'Too many requests', data: null, error_type: 'NetworkException' });
    expect(fake.control.requests.at(-1)?.status).toBe(429);
    // Other endpoints have their own 10/s budget.
    expect((await kc.getProfile()).user_id).toBe('AB1234');
    fake.control.advanceClock(1000);
    expect((await kc.getLTP('NSE:INFY'))['NSE:INFY']?.instrument_token).toBe(408065);
  });

  it('allows 10 requests/second on other endpoints, then 429', async () => {
    fake.control.setRateLimiting(true);
    fake.control.advanceClock(5000);
    for (let i = 0; i < 10; i += 1) await kc.getProfile();
    expect((await rejectionOf(kc.getProfile())).error_type).toBe('NetworkException');
  });
});

describe('instruments', () => {
  it('serves Kite CSV that the client parses (text/csv exactly, trailing newline)', async () => {
    const rows = await kc.getInstruments();
    const response = await fetch(`${fake.url}/instruments`);
    expect(response.headers.get('content-type')).toBe('text/csv');
    const text = await response.text();
    expect(text.split('\n')[0]).toBe(INSTRUMENT_COLUMNS.join(','));
    expect(text.endsWith('\n')).toBe(true);
    // The trailing newline yields one junk row in kiteconnect's papaparse output, as with real Kite.
    const last = rows.at(-1);
    expect(last?.tradingsymbol ?? '').toBe('');
    const real = rows.filter((row) => row.tradingsymbol);
    const infy = real.find((row) => row.tradingsymbol === 'INFY' && row.exchange === 'NSE');
    expect(infy).toMatchObject({ instrument_token: '408065', exchange_token: '1594', tick_size: 0.05, lot_size: 1, segment: 'NSE' });
    const future = real.find((row) => row.instrument_type === 'FUT');
    expect(future?.expiry).toBeInstanceOf(Date);
  });

  it('filters by exchange and refuses unknown exchanges', async () => {
    const nse = (await kc.getInstruments('NSE')).filter((row) => row.tradingsymbol);
    expect(nse.length).toBeGreaterThan(5);
    expect(new Set(nse.map((row) => row.exchange))).toEqual(new Set(['NSE']));
    const bad = await fetch(`${fake.url}/instruments/XYZ`);
    expect(bad.status).toBe(400);
  });

  it('loads a CSV from a given path', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'fake-kite-'));
    const file = path.join(dir, 'tiny.csv');
    await writeFile(file, `${INSTRUMENT_COLUMNS.join(',')}\r\n3045,11,ZZTEST,ZZ TEST LTD,0.0,,0.0,0.01,1,EQ,NSE,NSE\r\n`);
    const custom = await startFakeKite({ instrumentsCsv: file, now: () => NOW, rateLimits: false });
    try {
      const rows = (await kiteClient(custom).getInstruments('NSE')).filter((row) => row.tradingsymbol);
      expect(rows.map((row) => row.tradingsymbol)).toContain('ZZTEST');
      // Symbols the fake portfolios need are merged in when the file lacks them.
      expect(rows.map((row) => row.tradingsymbol)).toContain('INFY');
    } finally {
      await custom.close();
      await rm(dir, { recursive: true });
    }
  });
});

describe('historical candles', () => {
  it('returns minute candles in market hours that the client turns into Dates', async () => {
    const candles = await kc.getHistoricalData(408065, 'minute', '2026-11-20 09:15:00', '2026-11-20 09:20:00', false, false);
    expect(candles).toHaveLength(6);
    expect(candles[0]?.date).toEqual(new Date('2026-11-20T03:45:00Z'));
    for (const candle of candles) {
      expect(candle.high).toBeGreaterThanOrEqual(Math.max(candle.open, candle.close));
      expect(candle.low).toBeLessThanOrEqual(Math.min(candle.open, candle.close));
    }
    const error = await rejectionOf(kc.getHistoricalData(408065, 'minute', '2026-01-01 09:15:00', '2026-11-20 09:20:00'));
    expect(error).toMatchObject({ error_type: 'InputException', message: 'interval exceeds max limit: 60 days' });
  });
});
