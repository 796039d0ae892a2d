import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { istDateString, kiteTimestampToDate } from './ist';
import { isMarketOpen, misSquareOffTimeFor, nextSessionOpen, sessionCloseFor } from './sessions';

// The calendar must give the same UTC instants whatever zone the server runs in. Node re-reads
// process.env.TZ when it is assigned, and each Vitest test file runs in its own process, so this
// does not leak into other files.
describe('with the server in America/New_York', () => {
  const previous = process.env.TZ;

  beforeAll(() => {
    process.env.TZ = 'America/New_York';
  });

  afterAll(() => {
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  });

  it('really runs in New York time (precondition)', () => {
    // 20 Nov 2026 is after the US DST change: EST, UTC−5 → offset +300 minutes.
    expect(new Date('2026-11-20T12:00:00Z').getTimezoneOffset()).toBe(300);
    // What a naive parse would get wrong: it reads the Kite string as New York time.
    expect(new Date('2026-11-20 15:29:59').toISOString()).toBe('2026-11-20T20:29:59.000Z');
  });

  it('parses Kite timestamps as IST', () => {
    expect(kiteTimestampToDate('2026-11-20 15:29:59').toISOString()).toBe('2026-11-20T09:59:59.000Z');
  });

  it('computes IST dates and sessions from UTC instants', () => {
    // 22:00 New York on Thu 19 Nov = 03:00Z Fri 20 Nov = 08:30 IST Fri 20 Nov.
    const instant = new Date('2026-11-20T03:00:00Z');
    expect(istDateString(instant)).toBe('2026-11-20');
    expect(isMarketOpen(instant)).toBe(false);
    expect(nextSessionOpen(instant).toISOString()).toBe('2026-11-20T03:45:00.000Z');
    expect(sessionCloseFor(instant)?.toISOString()).toBe('2026-11-20T10:00:00.000Z');
    expect(misSquareOffTimeFor('2026-11-20', 'EQ')?.toISOString()).toBe('2026-11-20T09:50:00.000Z');
    expect(isMarketOpen(new Date('2026-11-20T04:00:00Z'))).toBe(true);
  });
});
