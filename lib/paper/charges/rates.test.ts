import { describe, expect, it } from 'vitest';
import { computeCharges } from './compute-charges';
import { RATE_TABLES, rateTableById, rateTableFor } from './rates';
import { ChargeBreakdownSchema } from './types';

describe('rate tables', () => {
  it('are ordered by effective date with unique ids', () => {
    const dates = RATE_TABLES.map((t) => t.effectiveFrom);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(RATE_TABLES.map((t) => t.id)).size).toBe(RATE_TABLES.length);
    for (const table of RATE_TABLES) expect(table.id).toBe(`zerodha-${table.effectiveFrom}`);
  });

  it('model the Budget 2026 STT change on 1 Apr 2026', () => {
    const before = rateTableFor('2026-03-31');
    const after = rateTableFor('2026-04-01');
    expect(before.id).toBe('zerodha-2024-10-01');
    expect(after.id).toBe('zerodha-2026-04-01');
    expect([before.categories.futures.sttSellPct, after.categories.futures.sttSellPct]).toEqual(['0.02', '0.05']);
    expect([before.categories.options.sttSellPct, after.categories.options.sttSellPct]).toEqual(['0.1', '0.15']);
    expect([before.exercisedOptionSttPct, after.exercisedOptionSttPct]).toEqual(['0.125', '0.15']);
    // Nothing else changed.
    expect({ ...after.categories.delivery }).toEqual(before.categories.delivery);
    expect({ ...after.categories.intraday }).toEqual(before.categories.intraday);
  });

  it('keeps a version in force until the next one', () => {
    expect(rateTableFor('2024-10-01').id).toBe('zerodha-2024-10-01');
    expect(rateTableFor('2030-01-01').id).toBe('zerodha-2026-04-01');
  });

  it('converts a Date to its IST date first', () => {
    expect(rateTableFor(new Date('2026-03-31T18:29:59.999Z')).id).toBe('zerodha-2024-10-01');
    expect(rateTableFor(new Date('2026-03-31T18:30:00.000Z')).id).toBe('zerodha-2026-04-01');
  });

  it('refuses dates before the first table and malformed dates', () => {
    expect(() => rateTableFor('2024-09-30')).toThrow(RangeError);
    expect(() => rateTableFor('2026-04-31')).toThrow(RangeError);
  });

  it('finds a table by id', () => {
    expect(rateTableById('zerodha-2026-04-01')?.effectiveFrom).toBe('2026-04-01');
    expect(rateTableById('nope')).toBeUndefined();
  });
});

describe('ChargeBreakdownSchema', () => {
  it('accepts what computeCharges produces and rejects float amounts', () => {
    const breakdown = computeCharges({
      tradeDate: '2026-04-01',
      exchange: 'NSE',
      segment: 'EQ',
      product: 'CNC',
      transactionType: 'SELL',
      quantity: 10,
      price: '1500',
      isDeliverySellFromDemat: true,
    });
    expect(ChargeBreakdownSchema.parse(breakdown)).toEqual(breakdown);
    expect(ChargeBreakdownSchema.safeParse({ ...breakdown, total: 31.5 }).success).toBe(false);
    expect(ChargeBreakdownSchema.safeParse({ ...breakdown, total: '31.5' }).success).toBe(false);
  });
});
