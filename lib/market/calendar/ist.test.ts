import { describe, expect, it } from 'vitest';
import {
  addIstDays,
  assertIstDate,
  dateToKiteTimestamp,
  istDateString,
  istMillisOfDay,
  istTimeString,
  istWallTimeToDate,
  istWeekday,
  kiteTimestampToDate,
} from './ist';

describe('istDateString', () => {
  it('rolls over to the next date at 18:30 UTC (midnight IST)', () => {
    expect(istDateString(new Date('2026-03-30T18:29:59.999Z'))).toBe('2026-03-30');
    expect(istDateString(new Date('2026-03-30T18:30:00.000Z'))).toBe('2026-03-31');
  });

  it('gives the IST date of an early-morning IST instant that is still "yesterday" in UTC', () => {
    // 2026-01-01 03:00 IST = 2025-12-31 21:30 UTC.
    expect(istDateString(new Date('2025-12-31T21:30:00Z'))).toBe('2026-01-01');
  });

  it('rejects an invalid Date', () => {
    expect(() => istDateString(new Date('nope'))).toThrow(RangeError);
  });
});

describe('IST wall-clock helpers', () => {
  it('formats the IST time and milliseconds since IST midnight', () => {
    const instant = new Date('2026-04-01T03:45:00Z'); // 09:15 IST
    expect(istTimeString(instant)).toBe('09:15:00');
    expect(istMillisOfDay(instant)).toBe((9 * 60 + 15) * 60 * 1000);
  });

  it('turns an IST wall-clock time into the UTC instant 5h30m earlier', () => {
    expect(istWallTimeToDate('2026-04-01', '15:30').toISOString()).toBe('2026-04-01T10:00:00.000Z');
    expect(istWallTimeToDate('2026-04-01', '00:10:05').toISOString()).toBe('2026-03-31T18:40:05.000Z');
  });

  it('rejects impossible dates and times', () => {
    expect(() => istWallTimeToDate('2026-02-30', '10:00')).toThrow(RangeError);
    expect(() => istWallTimeToDate('2026-04-01', '24:00')).toThrow(RangeError);
    expect(() => istWallTimeToDate('2026-04-01', '9:15')).toThrow(RangeError);
    expect(() => assertIstDate('2026-4-1')).toThrow(RangeError);
    expect(assertIstDate('2028-02-29')).toBe('2028-02-29');
    expect(() => assertIstDate('2026-02-29')).toThrow(RangeError);
  });

  it('computes weekdays and day arithmetic on IST dates', () => {
    expect(istWeekday('2026-02-01')).toBe(0); // Sunday (Budget day session)
    expect(istWeekday('2026-04-03')).toBe(5); // Good Friday
    expect(addIstDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addIstDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addIstDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});

describe('kiteTimestampToDate', () => {
  it('reads Kite timestamps as IST', () => {
    // 15:29:59 IST − 5:30 = 09:59:59 UTC.
    expect(kiteTimestampToDate('2026-11-20 15:29:59').toISOString()).toBe('2026-11-20T09:59:59.000Z');
    // 03:00 IST on 1 Jan is 21:30 UTC on 31 Dec.
    expect(kiteTimestampToDate('2026-01-01 03:00:00').toISOString()).toBe('2025-12-31T21:30:00.000Z');
  });

  it('round-trips through dateToKiteTimestamp', () => {
    const text = '2021-05-31 09:18:57';
    expect(dateToKiteTimestamp(kiteTimestampToDate(text))).toBe(text);
  });

  it('rejects strings that are not Kite timestamps', () => {
    expect(() => kiteTimestampToDate('2026-11-20T15:29:59+05:30')).toThrow(RangeError);
    expect(() => kiteTimestampToDate('09:16:39')).toThrow(RangeError);
    expect(() => kiteTimestampToDate('2026-02-30 10:00:00')).toThrow(RangeError);
    expect(() => kiteTimestampToDate('2026-11-20 15:60:00')).toThrow(RangeError);
  });
});
