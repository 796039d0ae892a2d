import { describe, expect, it } from 'vitest';
import { previousTradingDay, sessionPointAt } from './session-clock';

const ist = (isoLocal: string) => new Date(`${isoLocal}+05:30`);
const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;

describe('sessionPointAt', () => {
  it('maps NSE session seconds, whatever the server timezone', () => {
    expect(sessionPointAt(ist('2026-11-20T09:15:00'), 'nse')).toMatchObject({ day: dayNumber('2026-11-20'), index: 0, live: true });
    expect(sessionPointAt(ist('2026-11-20T15:30:00.999'), 'nse')).toMatchObject({ index: 22_500, live: true });
    expect(sessionPointAt(ist('2026-11-20T15:30:01'), 'nse')).toMatchObject({ index: 22_500, live: false });
  });

  it('rolls pre-open, weekends and evenings back to the last close', () => {
    const fridayClose = { day: dayNumber('2026-11-20'), index: 22_500, live: false, stateTime: ist('2026-11-20T15:30:00') };
    expect(sessionPointAt(ist('2026-11-20T23:59:59'), 'nse')).toEqual(fridayClose);
    expect(sessionPointAt(ist('2026-11-22T10:00:00'), 'nse')).toEqual(fridayClose);
    expect(sessionPointAt(ist('2026-11-23T09:14:59'), 'nse')).toEqual(fridayClose);
    expect(sessionPointAt(ist('2026-11-23T00:00:00'), 'nse')).toEqual(fridayClose);
  });

  it("treats every second as live in the '24h' session", () => {
    expect(sessionPointAt(ist('2026-11-22T00:00:00'), '24h')).toMatchObject({ day: dayNumber('2026-11-22'), index: 0, live: true });
    expect(sessionPointAt(ist('2026-11-22T23:59:59.5'), '24h')).toMatchObject({ index: 86_399, live: true, stateTime: ist('2026-11-22T23:59:59') });
  });
});

describe('previousTradingDay', () => {
  it('skips weekends for NSE only', () => {
    expect(previousTradingDay(dayNumber('2026-11-23'), 'nse')).toBe(dayNumber('2026-11-20'));
    expect(previousTradingDay(dayNumber('2026-11-24'), 'nse')).toBe(dayNumber('2026-11-23'));
    expect(previousTradingDay(dayNumber('2026-11-23'), '24h')).toBe(dayNumber('2026-11-22'));
  });
});
