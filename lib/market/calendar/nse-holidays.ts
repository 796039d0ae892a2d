import type { IstDate } from './ist';

// UPDATE YEARLY. NSE publishes next year's trading holidays in a December circular
// (nseindia.com → Resources → Exchange communication → Holidays) and adds ad-hoc closures
// (elections) by circular during the year. A year missing here closes only on weekends and the
// fixed-date national holidays (FIXED_DATE_HOLIDAYS below), which misses the festivals: add the new
// year before 1 January, and check `hasHolidayData(year)` before trusting a date in an unlisted year.
//
// These are NSE capital-market (equity) and equity-derivative holidays; BSE's equity list has
// matched NSE's in 2025 and 2026. Commodity (MCX) and currency segments have other lists and
// evening sessions and are not modelled.

export type ExchangeHoliday = { date: IstDate; name: string };

export type SpecialSession = {
  date: IstDate;
  name: string;
  /** IST wall-clock 'HH:MM'. */
  open: string;
  close: string;
  /** No clearing/settlement on the day, so it does not count towards T+1. */
  settlementHoliday: boolean;
};

export const NSE_EQUITY_HOLIDAYS: Readonly<Record<number, readonly ExchangeHoliday[]>> = {
  // NSE list for 2025 (14 weekday closures).
  2025: [
    { date: '2025-02-26', name: 'Mahashivratri' },
    { date: '2025-03-14', name: 'Holi' },
    { date: '2025-03-31', name: 'Id-Ul-Fitr (Ramadan Eid)' },
    { date: '2025-04-10', name: 'Shri Mahavir Jayanti' },
    { date: '2025-04-14', name: 'Dr. Baba Saheb Ambedkar Jayanti' },
    { date: '2025-04-18', name: 'Good Friday' },
    { date: '2025-05-01', name: 'Maharashtra Day' },
    { date: '2025-08-15', name: 'Independence Day' },
    { date: '2025-08-27', name: 'Ganesh Chaturthi' },
    { date: '2025-10-02', name: 'Mahatma Gandhi Jayanti / Dussehra' },
    { date: '2025-10-21', name: 'Diwali Laxmi Pujan' },
    { date: '2025-10-22', name: 'Diwali-Balipratipada' },
    { date: '2025-11-05', name: 'Prakash Gurpurb Sri Guru Nanak Dev' },
    { date: '2025-12-25', name: 'Christmas' },
  ],
  // NSE list for 2026 (15 dates, published Dec 2025) plus 15 Jan 2026, declared a trading holiday
  // by NSE/BSE circulars of 12 Jan 2026 for the Maharashtra municipal elections.
  // 8 Nov 2026 (Diwali Laxmi Pujan) is a Sunday with an evening Muhurat session, not modelled.
  2026: [
    { date: '2026-01-15', name: 'Municipal Corporation Elections in Maharashtra' },
    { date: '2026-01-26', name: 'Republic Day' },
    { date: '2026-03-03', name: 'Holi' },
    { date: '2026-03-26', name: 'Shri Ram Navami' },
    { date: '2026-03-31', name: 'Shri Mahavir Jayanti' },
    { date: '2026-04-03', name: 'Good Friday' },
    { date: '2026-04-14', name: 'Dr. Baba Saheb Ambedkar Jayanti' },
    { date: '2026-05-01', name: 'Maharashtra Day' },
    { date: '2026-05-28', name: 'Bakri Id' },
    { date: '2026-06-26', name: 'Muharram' },
    { date: '2026-09-14', name: 'Ganesh Chaturthi' },
    { date: '2026-10-02', name: 'Mahatma Gandhi Jayanti' },
    { date: '2026-10-20', name: 'Dussehra' },
    { date: '2026-11-10', name: 'Diwali-Balipratipada' },
    { date: '2026-11-24', name: 'Prakash Gurpurb Sri Guru Nanak Dev' },
    { date: '2026-12-25', name: 'Christmas' },
  ],
  // 2027: not yet published when this was written. Add it from NSE's December 2026 circular.
};

/**
 * National holidays on fixed dates that NSE closes for every year (each is in the 2025 and 2026
 * lists whenever it falls on a weekday). A year whose list is not above yet gets these, so the
 * calendar is never open on Republic Day just because December's circular has not been added; the
 * movable festivals (Holi, Eid, Diwali…) still need the circular.
 */
export const FIXED_DATE_HOLIDAYS: readonly { monthDay: string; name: string }[] = [
  { monthDay: '01-26', name: 'Republic Day' },
  { monthDay: '05-01', name: 'Maharashtra Day' },
  { monthDay: '08-15', name: 'Independence Day' },
  { monthDay: '10-02', name: 'Mahatma Gandhi Jayanti' },
  { monthDay: '12-25', name: 'Christmas' },
];

// Weekend sessions with normal timings. Muhurat sessions (one evening hour at Diwali) are left
// out on purpose: their timings and Zerodha's square-off rules for them come by circular each
// year, and a paper account treating that hour as closed is the safer error.
export const NSE_SPECIAL_SESSIONS: readonly SpecialSession[] = [
  { date: '2025-02-01', name: 'Union Budget (Saturday)', open: '09:15', close: '15:30', settlementHoliday: true },
  // NSE circular of 16 Jan 2026: live session on Sunday 1 Feb 2026, a settlement holiday.
  { date: '2026-02-01', name: 'Union Budget (Sunday)', open: '09:15', close: '15:30', settlementHoliday: true },
];
