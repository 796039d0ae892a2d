const IST_OFFSET_MS = 5.5 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The current quota day: from the last midnight in India (IST, no daylight saving) to the next. */
export function istDayWindow(now: Date): { start: Date; end: Date } {
  const shifted = now.getTime() + IST_OFFSET_MS;
  const start = Math.floor(shifted / DAY_MS) * DAY_MS - IST_OFFSET_MS;
  return { start: new Date(start), end: new Date(start + DAY_MS) };
}
