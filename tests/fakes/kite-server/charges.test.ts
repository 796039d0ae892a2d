import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { VirtualContractParam } from 'kiteconnect';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nearMonthOption } from '@/tests/support/contracts';
import { INSTRUMENT_COLUMNS } from './instruments';
import { type FakeKite, startFakeKite } from './server';
import { type KiteClient, loginAs, rejectionOf } from './test-helpers';

let dir: string;
let fake: FakeKite;
let kc: KiteClient;

const OPTIONS_CSV = `${INSTRUMENT_COLUMNS.join(',')}
9300002,36328,NIFTY26DEC26500CE,NIFTY,150.0,2026-12-29,26500.0,0.05,65,CE,NFO-OPT,NFO
9300258,36329,NIFTY26DEC26700CE,NIFTY,80.0,2026-12-29,26700.0,0.05,65,CE,NFO-OPT,NFO
9300514,36330,NIFTY26DECFUT,NIFTY,0.0,2026-12-29,0.0,0.05,65,FUT,NFO-FUT,NFO
`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fake-kite-charges-'));
  const csv = path.join(dir, 'instruments.csv');
  await writeFile(csv, OPTIONS_CSV);
  fake = await startFakeKite({ instrumentsCsv: csv, now: () => new Date('2026-11-20T06:00:00Z'), rateLimits: false });
  kc = await loginAs(fake, 'AB1234');
});
afterAll(async () => {
  await fake.close();
  await rm(dir, { recursive: true });
});

const order = (overrides: Partial<VirtualContractParam>): VirtualContractParam => ({
  order_id: '111111111',
  exchange: 'NSE',
  tradingsymbol: 'SBIN',
  transaction_type: 'BUY',
  variety: 'regular',
  product: 'CNC',
  order_type: 'MARKET',
  quantity: 1,
  average_price: 560,
  ...overrides,
});

describe('POST /charges/orders (getvirtualContractNote)', () => {
  it('computes Zerodha charges in Kite field names and raw floats, STT unrounded (rates from paper-trading.md)', async () => {
    const notes = await kc.getvirtualContractNote([
      order({}),
      order({ exchange: 'NFO', tradingsymbol: 'NIFTY26DEC26500CE', product: 'NRML', quantity: 65, average_price: 150 }),
      order({ exchange: 'NFO', tradingsymbol: 'NIFTY26DEC26500CE', product: 'NRML', quantity: 65, average_price: 150, transaction_type: 'SELL' }),
      order({ tradingsymbol: 'INFY', product: 'MIS', quantity: 100, average_price: 1500, transaction_type: 'SELL' }),
    ]);
    expect(fake.control.requests.at(-1)?.headers['content-type']).toBe('application/json');
    const [delivery, optionBuy, optionSell, intradaySell] = notes;
    expect(delivery).toMatchObject({ transaction_type: 'BUY', tradingsymbol: 'SBIN', quantity: 1, price: 560, product: 'CNC' });
    expect(delivery).not.toHaveProperty('order_id');
    // Delivery: no brokerage, STT 0.1% (0.56, unrounded as in Kite's docs sample), stamp 0.015% on the buy.
    expect(delivery?.charges).toMatchObject({ transaction_tax: 0.56, transaction_tax_type: 'stt', brokerage: 0 });
    expect(delivery?.charges.exchange_turnover_charge).toBeCloseTo(0.017192, 10);
    expect(delivery?.charges.sebi_turnover_charge).toBeCloseTo(0.00056, 10);
    expect(delivery?.charges.stamp_duty).toBeCloseTo(0.084, 10);
    expect(delivery?.charges.gst.igst).toBeCloseTo(0.00319536, 10);
    expect(delivery?.charges.gst.total).toBeCloseTo(0.00319536, 10);
    expect(delivery?.charges.total).toBeCloseTo(0.66494736, 10);
    // Options: flat ₹20, no STT on the buy, 0.15% of premium on the sell (after 1 Apr 2026).
    expect(optionBuy?.charges).toMatchObject({ brokerage: 20, transaction_tax: 0 });
    expect(optionBuy?.charges.total).toBeCloseTo(27.9917315, 8);
    expect(optionSell?.charges).toMatchObject({ brokerage: 20, transaction_tax: 14.625, stamp_duty: 0 });
    expect(optionSell?.charges.total).toBeCloseTo(42.3242315, 8);
    // Intraday: brokerage capped at ₹20, STT 0.025% of 1.5 lakh = 37.5.
    expect(intradaySell?.charges).toMatchObject({ brokerage: 20, transaction_tax: 37.5, stamp_duty: 0 });
    expect(intradaySell?.charges.total).toBeCloseTo(66.7109, 8);
  });

  it('rejects orders without a positive average_price with InputException', async () => {
    const error = await rejectionOf(kc.getvirtualContractNote([order({ average_price: 0 })]));
    expect(error.error_type).toBe('InputException');
    expect(error.message).toContain('average_price');
  });

  it('uses the pre-April-2026 F&O STT rates for earlier trade dates, and can round STT to the rupee', async () => {
    const march = await startFakeKite({ now: () => new Date('2026-03-16T06:00:00Z'), rateLimits: false, sttRounding: 'rupee' });
    try {
      const client = await loginAs(march, 'AB1234');
      const [future, delivery] = await client.getvirtualContractNote([
        order({ exchange: 'NFO', tradingsymbol: 'NIFTY26MARFUT', product: 'NRML', quantity: 65, average_price: 22000, transaction_type: 'SELL' }),
        order({}),
      ]);
      expect(future?.charges.transaction_tax).toBeCloseTo(286, 8);
      expect(future?.charges.brokerage).toBe(20);
      expect(delivery?.charges.transaction_tax).toBe(1);
    } finally {
      await march.close();
    }
  });
});

describe('brokerageRupees', () => {
  it('plays a Zerodha whose brokerage differs from the default ₹20 (flat on options, the cap elsewhere)', async () => {
    // The default dump: the bundled master with today's generated contracts.
    const cheaper = await startFakeKite({ rateLimits: false, brokerageRupees: 15 });
    try {
      const client = await loginAs(cheaper, 'AB1234');
      const [option, intraday, small] = await client.getvirtualContractNote([
        order({ exchange: 'NFO', tradingsymbol: nearMonthOption('NIFTY', 26300, 'CE'), product: 'NRML', quantity: 65, average_price: 150 }),
        order({ tradingsymbol: 'INFY', product: 'MIS', quantity: 100, average_price: 1500 }),
        order({ tradingsymbol: 'INFY', product: 'MIS', quantity: 10, average_price: 1500 }),
      ]);
      expect(option?.charges.brokerage).toBe(15);
      expect(intraday?.charges.brokerage).toBe(15);
      expect(small?.charges.brokerage).toBeCloseTo(4.5, 10);
    } finally {
      await cheaper.close();
    }
  });
});

describe('POST /margins/orders and /margins/basket', () => {
  const infy = { exchange: 'NSE' as const, tradingsymbol: 'INFY', transaction_type: 'BUY' as const, variety: 'regular' as const, order_type: 'LIMIT' as const, quantity: 10, price: 1500, trigger_price: 0 };
  const leg = { exchange: 'NFO' as const, variety: 'regular' as const, product: 'NRML' as const, order_type: 'LIMIT' as const, quantity: 65, trigger_price: 0 };

  it('estimates order margins in Kite shape; compact mode (the client default) gives only the totals', async () => {
    const margins = await kc.orderMargins([{ ...infy, product: 'CNC' }, { ...infy, product: 'MIS' }], '');
    expect(fake.control.requests.at(-1)?.query.mode).toEqual(['']);
    expect(margins[0]).toMatchObject({ type: 'equity', tradingsymbol: 'INFY', exchange: 'NSE', var: 15000, leverage: 1, total: 15000 });
    expect(margins[1]).toMatchObject({ var: 3000, leverage: 5, total: 3000 });
    expect(margins[1]?.charges.brokerage).toBeCloseTo(4.5, 10);
    const compact = await kc.orderMargins([{ ...infy, product: 'MIS' }]);
    expect(fake.control.requests.at(-1)?.query.mode).toEqual(['compact']);
    expect(compact).toEqual([{ type: 'equity', tradingsymbol: 'INFY', exchange: 'NSE', total: 3000 }]);
  });

  it('gives a spread benefit in `final` for an offsetting option basket', async () => {
    const basket = await kc.orderBasketMargins(
      [
        { ...leg, tradingsymbol: 'NIFTY26DEC26500CE', transaction_type: 'SELL', price: 150 },
        { ...leg, tradingsymbol: 'NIFTY26DEC26700CE', transaction_type: 'BUY', price: 80 },
      ],
      false,
      '',
    );
    expect(fake.control.requests.at(-1)?.query).toMatchObject({ consider_positions: ['false'], mode: [''] });
    expect(basket.orders).toHaveLength(2);
    expect(basket.initial.option_premium).toBeCloseTo(80 * 65, 8);
    expect(basket.initial.span).toBeGreaterThan(0);
    expect(basket.final.span).toBeCloseTo(basket.initial.span * 0.3, 6);
    expect(basket.final.total).toBeLessThan(basket.initial.total);
    const unknown = await rejectionOf(kc.orderMargins([{ ...leg, tradingsymbol: 'NOPE', transaction_type: 'BUY', price: 1 }]));
    expect(unknown.error_type).toBe('InputException');
  });

  it('nets legs on one instrument, so basket(positions + order) − basket(positions) is the incremental margin', async () => {
    const short = { ...leg, tradingsymbol: 'NIFTY26DEC26500CE', transaction_type: 'SELL' as const, price: 150 };
    const total = async (orders: Parameters<KiteClient['orderBasketMargins']>[0]) => (await kc.orderBasketMargins(orders, false, '')).final.total;
    const alone = await total([short]);
    expect(alone).toBeCloseTo(26500 * 65 * 0.11, 6);
    // Adding to the short doubles it; buying it back closes it (nothing left to margin).
    expect(await total([short, short])).toBeCloseTo(2 * alone, 6);
    expect(await total([short, { ...short, transaction_type: 'BUY' }])).toBe(0);
    // A long future on the same underlying hedges the short call: 70% of the SPAN goes.
    const future = { ...leg, tradingsymbol: 'NIFTY26DECFUT', transaction_type: 'BUY' as const, price: 26000 };
    const both = await total([short, future]);
    expect(both).toBeCloseTo(26500 * 65 * 0.09 * 0.3 + 26500 * 65 * 0.02 + 26000 * 65 * (0.12 * 0.3 + 0.02), 4);
    const compact = await kc.orderBasketMargins([short], false, 'compact');
    expect(compact.final).toEqual({ type: '', tradingsymbol: '', exchange: '', total: alone });
  });

  it("consider_positions (Kite's default) nets the basket against the account's own open positions", async () => {
    const withFuture = await loginAs(fake, 'CD5678');
    const sellFuture = [{ ...leg, tradingsymbol: 'NIFTY26DECFUT', transaction_type: 'SELL' as const, price: 26000 }];
    const alone = await withFuture.orderBasketMargins(sellFuture, false, '');
    expect(alone.final.total).toBeCloseTo(26000 * 65 * 0.14, 4);
    // CD5678 is long one lot of the NIFTY future: selling one lot closes it and frees margin.
    const considered = await withFuture.orderBasketMargins(sellFuture, true, '');
    expect(considered.final.total).toBeLessThan(0);
    const empty = await kc.orderBasketMargins(sellFuture, true, '');
    expect(empty.final.total).toBeCloseTo(alone.final.total, 6);
  });
});
