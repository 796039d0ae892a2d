import { describe, expect, it } from 'vitest';
import { dayOrderExpired, squareOffDue } from './lifecycle-times';

const ist = (date: string, time: string) => new Date(`${date}T${time}+05:30`);

describe('DAY order expiry', () => {
  it('NSE hours: at the 15:30 close of the day it was placed', () => {
    const placed = ist('2026-11-20', '10:00:00');
    expect(dayOrderExpired(placed, ist('2026-11-20', '15:29:59'), 'NSE', 'nse')).toBe(false);
    expect(dayOrderExpired(placed, ist('2026-11-20', '15:30:00'), 'NSE', 'nse')).toBe(true);
  });

  it('always-open simulated market: at the end of the IST day', () => {
    const placed = ist('2026-11-20', '23:00:00');
    expect(dayOrderExpired(placed, ist('2026-11-20', '23:59:59'), 'NSE', 'always')).toBe(false);
    expect(dayOrderExpired(placed, ist('2026-11-21', '00:00:01'), 'NSE', 'always')).toBe(true);
  });
});

describe('MIS auto square-off', () => {
  it('equity at 15:20 IST, F&O at 15:25 IST', () => {
    expect(squareOffDue('NSE', ist('2026-11-20', '15:19:59'), 'nse')).toBe(false);
    expect(squareOffDue('NSE', ist('2026-11-20', '15:20:00'), 'nse')).toBe(true);
    expect(squareOffDue('NFO', ist('2026-11-20', '15:24:59'), 'nse')).toBe(false);
    expect(squareOffDue('NFO', ist('2026-11-20', '15:25:00'), 'nse')).toBe(true);
  });

  it('not on a weekend, and never in the always-open simulated market', () => {
    expect(squareOffDue('NSE', ist('2026-11-21', '15:21:00'), 'nse')).toBe(false);
    expect(squareOffDue('NSE', ist('2026-11-20', '15:21:00'), 'always')).toBe(false);
  });
});
