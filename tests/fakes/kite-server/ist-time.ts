// Kite sends wall-clock IST ("YYYY-MM-DD HH:MM:SS", no zone). IST has no DST, so a fixed offset is exact.
export const IST_OFFSET_MS = 330 * 60 * 1000;

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** The IST wall-clock fields of an instant, read from a shifted UTC date. */
function istFields(instant: Date) {
  const shifted = new Date(instant.getTime() + IST_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    weekday: shifted.getUTCDay(),
  };
}

export function formatIstDate(instant: Date): string {
  const f = istFields(instant);
  return `${f.year}-${pad(f.month)}-${pad(f.day)}`;
}

export function formatIstTime(instant: Date): string {
  const f = istFields(instant);
  return `${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}`;
}

export function formatIstDateTime(instant: Date): string {
  return `${formatIstDate(instant)} ${formatIstTime(instant)}`;
}

/** Historical candles use ISO with offset, e.g. 2017-12-15T09:15:00+0530. */
export function formatIstIsoWithOffset(instant: Date): string {
  return `${formatIstDate(instant)}T${formatIstTime(instant)}+0530`;
}

/** The instant of a given IST wall-clock time on the IST calendar day of `instant`. */
export function istTimeOnDay(instant: Date, hour: number, minute = 0, second = 0, dayOffset = 0): Date {
  const f = istFields(instant);
  const utcMs = Date.UTC(f.year, f.month - 1, f.day + dayOffset, hour, minute, second) - IST_OFFSET_MS;
  return new Date(utcMs);
}

/** Parses Kite's "YYYY-MM-DD HH:MM:SS" or "YYYY-MM-DD" as IST. Returns undefined when malformed. */
export function parseIstDateTime(text: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = match;
  const utcMs = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - IST_OFFSET_MS;
  return Number.isNaN(utcMs) ? undefined : new Date(utcMs);
}

/** Kite access tokens die at the next 06:00 IST (regulatory requirement). */
export function nextSixAmIst(instant: Date): Date {
  const todaySix = istTimeOnDay(instant, 6);
  return instant.getTime() < todaySix.getTime() ? todaySix : istTimeOnDay(instant, 6, 0, 0, 1);
}

export function istWeekday(instant: Date): number {
  return istFields(instant).weekday;
}
