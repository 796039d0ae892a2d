import { describe, expect, it } from 'vitest';
import { istDayWindow } from './quota-window';

describe('istDayWindow', () => {
  it('starts the quota day at midnight IST (18:30 UTC the day before)', () => {
    expect(istDayWindow(new Date('2026-11-21T20:00:00Z'))).toEqual({
      start: new Date('2026-11-21T18:30:00Z'),
      end: new Date('2026-11-22T18:30:00Z'),
    });
    expect(istDayWindow(new Date('2026-11-21T18:29:59Z')).start).toEqual(new Date('2026-11-20T18:30:00Z'));
  });
});
