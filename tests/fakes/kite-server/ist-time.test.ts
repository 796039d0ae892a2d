import { describe, expect, it } from 'vitest';
import { formatIstDateTime, formatIstIsoWithOffset, nextSixAmIst, parseIstDateTime } from './ist-time';

describe('IST helpers', () => {
  it('format instants as Kite IST strings', () => {
    const instant = new Date('2026-11-20T18:45:09Z');
    expect(formatIstDateTime(instant)).toBe('2026-11-21 00:15:09');
    expect(formatIstIsoWithOffset(instant)).toBe('2026-11-21T00:15:09+0530');
    expect(parseIstDateTime('2026-11-21 00:15:09')).toEqual(instant);
    expect(parseIstDateTime('2026-11-21')).toEqual(new Date('2026-11-20T18:30:00Z'));
    expect(parseIstDateTime('21/11/2026')).toBeUndefined();
  });

  it('find the next 06:00 IST, across midnight and month ends', () => {
    expect(nextSixAmIst(new Date('2026-11-20T05:00:00Z'))).toEqual(new Date('2026-11-21T00:30:00Z'));
    // 05:59:59 IST expires the same morning.
    expect(nextSixAmIst(new Date('2026-11-30T00:29:59Z'))).toEqual(new Date('2026-11-30T00:30:00Z'));
    // 06:00:00 IST exactly moves to the next day.
    expect(nextSixAmIst(new Date('2026-11-30T00:30:00Z'))).toEqual(new Date('2026-12-01T00:30:00Z'));
    expect(nextSixAmIst(new Date('2026-12-31T01:00:00Z'))).toEqual(new Date('2027-01-01T00:30:00Z'));
  });
});
