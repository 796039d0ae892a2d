/**
 * Expiry date helpers for contract generation. Since Sep 2025 NSE index/stock derivatives expire on
 * Tuesdays and BSE's on Thursdays (SEBI's one-day-per-exchange rule); monthly contracts take the last
 * such weekday of the month. Exchange holidays move an expiry to the previous trading day; only the
 * holidays passed in are honoured, because the calendar changes every year.
 */
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;
// Kite's weekly-contract month code: 1-9 for Jan-Sep, O/N/D for Oct-Dec.
const WEEKLY_MONTH_CODES = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'O', 'N', 'D'] as const;

export const TUESDAY = 2;
export const THURSDAY = 4;

export type YearMonth = { year: number; month: number };

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function parseIso(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export function previousTradingDay(iso: string, holidays: ReadonlySet<string>): string {
  const d = parseIso(iso);
  while (holidays.has(isoDate(d)) || d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() - 1);
  return isoDate(d);
}

/** Last `weekday` (0 = Sunday) of a month (`month` 1-12), shifted back over holidays. */
export function lastWeekdayOfMonth(ym: YearMonth, weekday: number, holidays: ReadonlySet<string> = new Set()): string {
  const d = new Date(Date.UTC(ym.year, ym.month, 0));
  while (d.getUTCDay() !== weekday) d.setUTCDate(d.getUTCDate() - 1);
  return previousTradingDay(isoDate(d), holidays);
}

/** Every `weekday` from `fromIso` (inclusive) for `count` weeks, each shifted back over holidays. */
export function weeklyExpiries(fromIso: string, weekday: number, count: number, holidays: ReadonlySet<string> = new Set()): string[] {
  const d = parseIso(fromIso);
  while (d.getUTCDay() !== weekday) d.setUTCDate(d.getUTCDate() + 1);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(previousTradingDay(isoDate(d), holidays));
    d.setUTCDate(d.getUTCDate() + 7);
  }
  return out;
}

export function addMonths(ym: YearMonth, n: number): YearMonth {
  const idx = ym.year * 12 + (ym.month - 1) + n;
  return { year: Math.floor(idx / 12), month: (idx % 12) + 1 };
}

/** "26DEC" for a monthly contract expiring in Dec 2026. */
export function monthlyCode(iso: string): string {
  const d = parseIso(iso);
  return `${String(d.getUTCFullYear() % 100).padStart(2, '0')}${MONTHS[d.getUTCMonth()] ?? ''}`;
}

/** "26D29" for a weekly contract expiring on 29 Dec 2026. */
export function weeklyCode(iso: string): string {
  const d = parseIso(iso);
  const yy = String(d.getUTCFullYear() % 100).padStart(2, '0');
  return `${yy}${WEEKLY_MONTH_CODES[d.getUTCMonth()] ?? ''}${String(d.getUTCDate()).padStart(2, '0')}`;
}

/**
 * Fixed-date national holidays that close NSE/BSE whenever they fall on a weekday (Republic Day,
 * Maharashtra Day, Independence Day, Gandhi Jayanti, Christmas). Festival holidays move every year and
 * must come from the exchange's published calendar.
 */
export function fixedDateExchangeHolidays(years: readonly number[]): Set<string> {
  const out = new Set<string>();
  for (const y of years) for (const md of ['01-26', '05-01', '08-15', '10-02', '12-25']) out.add(`${y}-${md}`);
  return out;
}
