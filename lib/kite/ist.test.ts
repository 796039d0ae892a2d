import { describe, expect, it } from 'vitest';
import { istStringToIso, kiteLocalDateToIst, nextSixAmIst, restoreIstStrings } from './ist';

describe('nextSixAmIst', () => {
  it('is 06:00 IST the same day before six and the next day after', () => {
    expect(nextSixAmIst(new Date('2026-11-21T20:00:00Z')).toISOString()).toBe('2026-11-22T00:30:00.000Z');
    expect(nextSixAmIst(new Date('2026-11-22T00:29:59Z')).toISOString()).toBe('2026-11-22T00:30:00.000Z');
    expect(nextSixAmIst(new Date('2026-11-22T00:30:00Z')).toISOString()).toBe('2026-11-23T00:30:00.000Z');
    expect(nextSixAmIst(new Date('2026-11-22T10:00:00Z')).toISOString()).toBe('2026-11-23T00:30:00.000Z');
  });
});

describe('restoreIstStrings', () => {
  it('undoes the client turning IST strings into local Dates, whatever the zone', () => {
    // This is what kiteconnect does with a 19-character timestamp.
    const parsed = new Date('2021-05-31 09:18:57');
    expect(kiteLocalDateToIst(parsed)).toBe('2021-05-31 09:18:57');
    expect(restoreIstStrings({ orders: [{ order_timestamp: parsed, n: 1, s: '09:16:39' }] })).toEqual({
      orders: [{ order_timestamp: '2021-05-31 09:18:57', n: 1, s: '09:16:39' }],
    });
    expect(new Date(istStringToIso('2021-05-31 09:18:57')).toISOString()).toBe('2021-05-31T03:48:57.000Z');
  });
});
