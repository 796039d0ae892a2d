const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000;

/** Kite expires every access token at 06:00 IST (00:30 UTC): the first such instant after `now`. */
export function nextSixAmIst(now: Date): Date {
  const ist = new Date(now.getTime() + IST_OFFSET_MS);
  const sixToday = Date.UTC(ist.getUTCFullYear(), ist.getUTCMonth(), ist.getUTCDate(), 6, 0, 0) - IST_OFFSET_MS;
  return new Date(sixToday > now.getTime() ? sixToday : sixToday + 24 * 60 * 60 * 1000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * kiteconnect turns Kite's zone-less IST strings ("2021-05-31 09:18:57") into Dates in the process's
 * local zone, so the Date's local wall-clock fields are exactly the IST digits Kite sent. Reading them
 * back with local getters restores the original string whatever TZ the server runs in.
 */
export function kiteLocalDateToIst(value: Date): string {
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())} ${pad(value.getHours())}:${pad(value.getMinutes())}:${pad(value.getSeconds())}`;
}

/** Replaces every Date the client produced with Kite's original IST string. */
export function restoreIstStrings(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : kiteLocalDateToIst(value);
  if (Array.isArray(value)) return value.map(restoreIstStrings);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, restoreIstStrings(inner)]));
  }
  return value;
}

/** "2021-05-31 09:18:57" (IST) → the instant, as an ISO string with its +05:30 offset. */
export function istStringToIso(value: string): string {
  return `${value.replace(' ', 'T')}+05:30`;
}
