import { describe, expect, it } from 'vitest';
import { resolveTradeTime } from './resolve-trade-time';

describe('resolveTradeTime', () => {
  const day = new Date('2026-11-20T12:00:00Z');

  it('keeps a full ISO time and reads a bare date-time as IST', () => {
    expect(resolveTradeTime('2026-11-20T09:32:14+05:30', day)).toBe('2026-11-20T04:02:14.000Z');
    expect(resolveTradeTime('2026-11-20T09:32:14', day)).toBe('2026-11-20T04:02:14.000Z');
  });

  it('puts a time of day on the analysis day in India', () => {
    expect(resolveTradeTime('10:05:41', day)).toBe('2026-11-20T04:35:41.000Z');
    expect(resolveTradeTime('9:15', new Date('2026-11-20T20:00:00Z'))).toBe('2026-11-21T03:45:00.000Z');
  });

  it('gives null for missing or unreadable times', () => {
    expect(resolveTradeTime(undefined, day)).toBeNull();
    expect(resolveTradeTime('25:00', day)).toBeNull();
    expect(resolveTradeTime('yesterday', day)).toBeNull();
  });
});
