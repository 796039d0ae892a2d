import { describe, expect, it } from 'vitest';
import { istWeekday } from './ist';
import { FIXED_DATE_HOLIDAYS, NSE_EQUITY_HOLIDAYS, NSE_SPECIAL_SESSIONS } from './nse-holidays';
import {
  hasHolidayData,
  holidayListReminder,
  holidayOn,
  isMarketOpen,
  isTradingDay,
  misSquareOffTimeFor,
  nextSessionOpen,
  nextTradingDay,
  previousTradingDay,
  sessionCloseFor,
  t1SettlementDate,
  tradingSessionFor,
  type CalendarExchange,
} from './sessions';

const utc = (iso: string) => new Date(iso);

describe('holiday data', () => {
  it.each(Object.entries(NSE_EQUITY_HOLIDAYS))('%s lists sorted, unique weekday dates of that year', (year, list) => {
    const dates = list.map((h) => h.date);
    expect(dates.every((d) => d.startsWith(`${year}-`))).toBe(true);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    for (const date of dates) expect([1, 2, 3, 4, 5]).toContain(istWeekday(date));
  });

  it('has the 2026 list including the 15 Jan election closure', () => {
    expect(NSE_EQUITY_HOLIDAYS[2026]).toHaveLength(16);
    expect(holidayOn('2026-01-15')?.name).toMatch(/Maharashtra/);
    expect(holidayOn('2026-11-10')?.name).toBe('Diwali-Balipratipada');
    expect(holidayOn('2026-04-01')).toBeUndefined();
  });

  it('lists special sessions only on weekends', () => {
    for (const s of NSE_SPECIAL_SESSIONS) expect([0, 6]).toContain(istWeekday(s.date));
  });

  it.each(Object.entries(NSE_EQUITY_HOLIDAYS))('%s closes on every fixed-date national holiday that falls on a weekday', (year, list) => {
    const listed = new Set(list.map((h) => h.date));
    const weekdayFixed = FIXED_DATE_HOLIDAYS.map((h) => `${year}-${h.monthDay}`).filter((date) => [1, 2, 3, 4, 5].includes(istWeekday(date)));
    expect(weekdayFixed.filter((date) => !listed.has(date))).toEqual([]);
  });

  it('reminds the operator when the current or (in December) next year is missing', () => {
    expect(holidayListReminder(utc('2026-11-22T10:00:00Z'))).toBeNull();
    expect(holidayListReminder(utc('2026-12-01T10:00:00Z'))).toMatch(/Add NSE's 2027/);
    // 31 Dec 2026 20:00 UTC is already 1 Jan 2027 in IST.
    expect(holidayListReminder(utc('2026-12-31T20:00:00Z'))).toMatch(/NSE's 2027 trading holidays are not in/);
  });

  it('says which years it covers', () => {
    expect(hasHolidayData(2026)).toBe(true);
    expect(hasHolidayData(2024)).toBe(false);
  });
});

describe('isTradingDay', () => {
  it.each([
    ['2026-04-01', true], // Wednesday
    ['2026-04-03', false], // Good Friday
    ['2026-04-04', false], // Saturday
    ['2026-01-15', false], // election holiday
    ['2026-02-01', true], // Sunday Budget session
    ['2026-11-08', false], // Sunday; Muhurat session not modelled
  ])('%s → %s', (date, expected) => {
    expect(isTradingDay(date)).toBe(expected);
  });

  it('uses the same calendar for NSE, BSE, NFO and BFO and refuses others', () => {
    for (const exchange of ['NSE', 'BSE', 'NFO', 'BFO'] as const) {
      expect(isTradingDay('2026-03-03', { exchange })).toBe(false);
    }
    expect(() => isTradingDay('2026-03-04', { exchange: 'MCX' as CalendarExchange })).toThrow(RangeError);
  });
});

describe('isMarketOpen', () => {
  it('is open from 09:15:00 IST inclusive to 15:30:00 IST exclusive', () => {
    expect(isMarketOpen(utc('2026-04-01T03:44:59.999Z'))).toBe(false); // 09:14:59.999
    expect(isMarketOpen(utc('2026-04-01T03:45:00Z'))).toBe(true); // 09:15
    expect(isMarketOpen(utc('2026-04-01T09:59:59Z'))).toBe(true); // 15:29:59
    expect(isMarketOpen(utc('2026-04-01T10:00:00Z'))).toBe(false); // 15:30
  });

  it('is closed all day on holidays and weekends, open on the Budget Sunday', () => {
    expect(isMarketOpen(utc('2026-04-03T05:00:00Z'))).toBe(false); // Good Friday 10:30
    expect(isMarketOpen(utc('2026-04-04T05:00:00Z'))).toBe(false); // Saturday 10:30
    expect(isMarketOpen(utc('2026-02-01T05:00:00Z'))).toBe(true); // Sunday 1 Feb 10:30
  });

  it('uses the IST date, not the UTC date, near midnight', () => {
    // 2026-04-03T20:00Z is 01:30 IST on Saturday 4 Apr; UTC still says Friday.
    expect(sessionCloseFor(utc('2026-04-03T20:00:00Z'))).toBeNull();
  });
});

describe('session boundaries', () => {
  it('gives the close of the day for DAY-order expiry', () => {
    expect(sessionCloseFor(utc('2026-04-01T05:00:00Z'))?.toISOString()).toBe('2026-04-01T10:00:00.000Z');
    expect(sessionCloseFor(utc('2026-04-05T05:00:00Z'))).toBeNull(); // Sunday
  });

  it('describes the Budget-day special session', () => {
    const session = tradingSessionFor('2026-02-01');
    expect(session?.special).toMatch(/Budget/);
    expect(session?.open.toISOString()).toBe('2026-02-01T03:45:00.000Z');
  });

  it('finds the next open: later today, tomorrow, or after a holiday weekend', () => {
    // 08:00 IST Wednesday → 09:15 IST the same day.
    expect(nextSessionOpen(utc('2026-04-01T02:30:00Z')).toISOString()).toBe('2026-04-01T03:45:00.000Z');
    // 10:00 IST Wednesday (market open) → Thursday 09:15.
    expect(nextSessionOpen(utc('2026-04-01T04:30:00Z')).toISOString()).toBe('2026-04-02T03:45:00.000Z');
    // Exactly at the open counts as "already open": next is tomorrow.
    expect(nextSessionOpen(utc('2026-04-01T03:45:00Z')).toISOString()).toBe('2026-04-02T03:45:00.000Z');
    // 16:00 IST Thursday 2 Apr → Good Friday, Saturday, Sunday → Monday 6 Apr 09:15.
    expect(nextSessionOpen(utc('2026-04-02T10:30:00Z')).toISOString()).toBe('2026-04-06T03:45:00.000Z');
  });

  it('gives MIS square-off times of 15:20 (equity) and 15:25 (F&O) IST', () => {
    expect(misSquareOffTimeFor('2026-04-01', 'EQ')?.toISOString()).toBe('2026-04-01T09:50:00.000Z');
    expect(misSquareOffTimeFor('2026-04-01', 'FO')?.toISOString()).toBe('2026-04-01T09:55:00.000Z');
    expect(misSquareOffTimeFor('2026-04-03', 'EQ')).toBeNull();
  });
});

describe('trading-day arithmetic', () => {
  it.each([
    ['2026-03-25', '2026-03-27'], // skips Ram Navami (Thu 26 Mar)
    ['2026-03-27', '2026-03-30'], // Friday → Monday
    ['2026-03-30', '2026-04-01'], // skips Mahavir Jayanti (Tue 31 Mar)
    ['2026-04-02', '2026-04-06'], // skips Good Friday and the weekend
    ['2026-11-06', '2026-11-09'], // Friday → Monday before Balipratipada
    ['2026-11-09', '2026-11-11'], // skips Balipratipada (Tue 10 Nov)
    ['2026-12-24', '2026-12-28'], // skips Christmas and the weekend
    ['2026-01-30', '2026-02-01'], // Friday → Budget Sunday session
  ])('nextTradingDay(%s) = %s', (from, expected) => {
    expect(nextTradingDay(from)).toBe(expected);
  });

  it('closes a year without holiday data on weekends and the fixed-date national holidays only', () => {
    expect(nextTradingDay('2026-12-31')).toBe('2027-01-01');
    expect(isTradingDay('2027-01-26')).toBe(false); // Republic Day, a Tuesday
    expect(holidayOn('2027-01-26')?.name).toBe('Republic Day');
    expect(nextTradingDay('2027-01-25')).toBe('2027-01-27');
    expect(t1SettlementDate('2027-01-25')).toBe('2027-01-27');
    expect(isTradingDay('2027-10-01')).toBe(true);
    expect(isTradingDay('2027-12-24')).toBe(true);
    expect(isTradingDay('2027-12-27')).toBe(true);
    // A listed year is exactly its list: 1 May 2027 is a Saturday, 15 Aug 2026 a Saturday.
    expect(holidayOn('2026-08-14')).toBeUndefined();
  });

  it('finds the previous trading day', () => {
    expect(previousTradingDay('2026-04-06')).toBe('2026-04-02');
    expect(previousTradingDay('2026-01-16')).toBe('2026-01-14');
  });

  it('settles T+1 on settlement days only', () => {
    expect(t1SettlementDate('2026-04-01')).toBe('2026-04-02');
    expect(t1SettlementDate('2026-04-02')).toBe('2026-04-06');
    // The Budget Sunday is a trading day but a settlement holiday.
    expect(t1SettlementDate('2026-01-30')).toBe('2026-02-02');
    expect(t1SettlementDate('2026-02-01')).toBe('2026-02-02');
  });
});
