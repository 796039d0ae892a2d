import { istDateString, misSquareOffTimeFor, sessionCloseFor, type CalendarExchange } from '@/lib/market/calendar';

export type Hours = 'always' | 'nse';

/** A DAY order ends at the close of the session it was placed in (the IST day in 'always' mode). */
export function dayOrderExpired(placedAt: Date, now: Date, exchange: string, hours: Hours): boolean {
  if (hours === 'always') return istDateString(placedAt) !== istDateString(now);
  const close = sessionCloseFor(placedAt, { exchange: exchange as CalendarExchange });
  return close === null ? istDateString(placedAt) !== istDateString(now) : now.getTime() >= close.getTime();
}

/** Whether MIS positions on this exchange are due for the broker's auto square-off at `now`. */
export function squareOffDue(exchange: string, now: Date, hours: Hours): boolean {
  if (hours === 'always') return false;
  const segment = exchange === 'NFO' || exchange === 'BFO' ? 'FO' : 'EQ';
  const at = misSquareOffTimeFor(istDateString(now), segment, { exchange: exchange as CalendarExchange });
  return at !== null && now.getTime() >= at.getTime();
}

