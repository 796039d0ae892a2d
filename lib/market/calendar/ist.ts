// India has had a fixed +05:30 offset with no daylight saving since 1945, so every conversion here
// is plain arithmetic on UTC instants. Nothing in this file may call a local-time getter
// (getHours, getDate, toLocaleString, Date parsing without an offset): those follow the server's
// TZ, which on Vercel is UTC and on a laptop is anything.

/** Offset of Indian Standard Time from UTC, in milliseconds. */
export const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const KITE_TIMESTAMP_RE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;
const WALL_TIME_RE = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** A calendar date in IST, written 'YYYY-MM-DD'. */
export type IstDate = string;

function assertValidInstant(date: Date): void {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid Date');
}

/** The IST calendar date ('YYYY-MM-DD') of an instant, whatever the server's timezone. */
export function istDateString(date: Date): IstDate {
  assertValidInstant(date);
  return new Date(date.getTime() + IST_OFFSET_MS).toISOString().slice(0, 10);
}

/** IST wall-clock time of an instant as 'HH:MM:SS'. */
export function istTimeString(date: Date): string {
  assertValidInstant(date);
  return new Date(date.getTime() + IST_OFFSET_MS).toISOString().slice(11, 19);
}

/** Milliseconds since IST midnight of the instant's IST date. */
export function istMillisOfDay(date: Date): number {
  assertValidInstant(date);
  const shifted = date.getTime() + IST_OFFSET_MS;
  return ((shifted % DAY_MS) + DAY_MS) % DAY_MS;
}

function parseIstDateParts(istDate: string): { year: number; month: number; day: number } {
  const match = DATE_RE.exec(istDate);
  if (!match) throw new RangeError(`Expected an IST date 'YYYY-MM-DD', got '${istDate}'`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // Date.UTC silently rolls 2026-02-30 over to March; a round trip catches that.
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new RangeError(`Not a calendar date: '${istDate}'`);
  }
  return { year, month, day };
}

/** Throws RangeError unless the string is a real 'YYYY-MM-DD' date; returns it for chaining. */
export function assertIstDate(istDate: string): IstDate {
  parseIstDateParts(istDate);
  return istDate;
}

/** Day of week of an IST date: 0 = Sunday … 6 = Saturday. */
export function istWeekday(istDate: IstDate): number {
  const { year, month, day } = parseIstDateParts(istDate);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** The IST date `days` calendar days after (or before, if negative) the given one. */
export function addIstDays(istDate: IstDate, days: number): IstDate {
  const { year, month, day } = parseIstDateParts(istDate);
  return new Date(Date.UTC(year, month - 1, day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The UTC instant of an IST wall-clock time ('HH:MM' or 'HH:MM:SS') on an IST date. */
export function istWallTimeToDate(istDate: IstDate, wallTime: string): Date {
  const { year, month, day } = parseIstDateParts(istDate);
  const match = WALL_TIME_RE.exec(wallTime);
  if (!match) throw new RangeError(`Expected 'HH:MM' or 'HH:MM:SS', got '${wallTime}'`);
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  const seconds = Number(match[3] ?? '0');
  if (hours > 23 || minutes > 59 || seconds > 59) throw new RangeError(`Not a wall-clock time: '${wallTime}'`);
  return new Date(Date.UTC(year, month - 1, day, hours, minutes, seconds) - IST_OFFSET_MS);
}

/**
 * Parses Kite's zone-less IST timestamps ('2026-11-20 15:29:59') into the right instant.
 * `new Date('2026-11-20 15:29:59')` would read them in the server's local zone instead, which is
 * exactly the bug the kiteconnect client ships (see shared/docs/kite-connect.md).
 */
export function kiteTimestampToDate(timestamp: string): Date {
  const match = KITE_TIMESTAMP_RE.exec(timestamp);
  if (!match) throw new RangeError(`Expected a Kite timestamp 'YYYY-MM-DD HH:MM:SS', got '${timestamp}'`);
  const [, y, mo, d, h, mi, s] = match;
  return istWallTimeToDate(`${y}-${mo}-${d}`, `${h}:${mi}:${s}`);
}

/** Formats an instant the way Kite does: IST 'YYYY-MM-DD HH:MM:SS', no zone marker. */
export function dateToKiteTimestamp(date: Date): string {
  return `${istDateString(date)} ${istTimeString(date)}`;
}
