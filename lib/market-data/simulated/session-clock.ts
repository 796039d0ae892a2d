/**
 * 'nse': the simulated market trades 09:15:00–15:30:00 IST on weekdays and is frozen at the last
 * close otherwise (exchange holidays are not modelled). '24h': it trades every second of every
 * IST day, for demos and development outside market hours.
 */
export type SimulatedSession = 'nse' | '24h';

// IST has had a fixed +05:30 offset since 1945, so plain arithmetic on UTC instants is exact.
const IST_OFFSET_MS = 330 * 60 * 1000;
const DAY_MS = 86_400_000;
const NSE_OPEN_SECOND = 9 * 3600 + 15 * 60;

export type SessionShape = { openSecond: number; lastIndex: number };

/** Where the session starts (seconds after IST midnight) and its last one-second index. */
export function sessionShape(session: SimulatedSession): SessionShape {
  return session === 'nse' ? { openSecond: NSE_OPEN_SECOND, lastIndex: 22_500 } : { openSecond: 0, lastIndex: 86_399 };
}

export type SessionPoint = {
  /** IST calendar day, counted in days since 1970-01-01. */
  day: number;
  /** Seconds since the session opened, 0..lastIndex. */
  index: number;
  /** False when the market is shut and the point is the last close. */
  live: boolean;
  /** The instant this market state belongs to (the start of its one-second bucket). */
  stateTime: Date;
};

function isWeekend(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday === 0 || weekday === 6;
}

/** The trading day before `day` (weekdays only for 'nse'). */
export function previousTradingDay(day: number, session: SimulatedSession): number {
  let previous = day - 1;
  while (session === 'nse' && isWeekend(previous)) previous -= 1;
  return previous;
}

function pointAt(day: number, index: number, live: boolean, shape: SessionShape): SessionPoint {
  const stateTime = new Date(day * DAY_MS + (shape.openSecond + index) * 1000 - IST_OFFSET_MS);
  return { day, index, live, stateTime };
}

/** Maps an instant to the session second whose market state a quote at that instant shows. */
export function sessionPointAt(at: Date, session: SimulatedSession): SessionPoint {
  const ms = at.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  const shape = sessionShape(session);
  const istMs = ms + IST_OFFSET_MS;
  const day = Math.floor(istMs / DAY_MS);
  const secondOfDay = Math.floor((istMs - day * DAY_MS) / 1000);
  const index = secondOfDay - shape.openSecond;
  if (session === 'nse' && (isWeekend(day) || index < 0)) {
    return pointAt(previousTradingDay(day, session), shape.lastIndex, false, shape);
  }
  if (index > shape.lastIndex) return pointAt(day, shape.lastIndex, false, shape);
  return pointAt(day, index, true, shape);
}
