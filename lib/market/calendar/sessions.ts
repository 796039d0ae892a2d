import { addIstDays, assertIstDate, istDateString, istWallTimeToDate, istWeekday, type IstDate } from './ist';
import { FIXED_DATE_HOLIDAYS, NSE_EQUITY_HOLIDAYS, NSE_SPECIAL_SESSIONS, type ExchangeHoliday, type SpecialSession } from './nse-holidays';

/** Exchanges whose equity and equity-derivative sessions follow the NSE equity calendar. */
export const CALENDAR_EXCHANGES = ['NSE', 'BSE', 'NFO', 'BFO'] as const;
export type CalendarExchange = (typeof CALENDAR_EXCHANGES)[number];
export type CalendarOptions = { exchange?: CalendarExchange };

/** Normal-market session in IST. Pre-open (09:00–09:08) is not a continuous session and is excluded. */
export const REGULAR_SESSION = { open: '09:15', close: '15:30' } as const;

/** Zerodha's RMS auto square-off times for MIS positions, IST (support article "auto-square-off"). */
export const MIS_SQUARE_OFF_TIMES = { EQ: '15:20', FO: '15:25' } as const;
export type SquareOffSegment = keyof typeof MIS_SQUARE_OFF_TIMES;

export type TradingSession = {
  date: IstDate;
  open: Date;
  close: Date;
  /** Set for weekend sessions such as Budget day. */
  special?: string;
};

// The longest run of closed days NSE has had is well under a fortnight; a month-long search
// that finds nothing means the data is broken, not that the market is shut.
const MAX_SEARCH_DAYS = 31;

const holidayIndex = new Map<IstDate, ExchangeHoliday>(
  Object.values(NSE_EQUITY_HOLIDAYS)
    .flat()
    .map((holiday) => [holiday.date, holiday]),
);
const specialIndex = new Map<IstDate, SpecialSession>(NSE_SPECIAL_SESSIONS.map((s) => [s.date, s]));

function checkExchange(options: CalendarOptions | undefined): void {
  const exchange = options?.exchange;
  if (exchange !== undefined && !CALENDAR_EXCHANGES.includes(exchange)) {
    throw new RangeError(`No trading calendar for exchange '${String(exchange)}'`);
  }
}

/** Whether the holiday list covers this calendar year (see nse-holidays.ts: update yearly). */
export function hasHolidayData(year: number): boolean {
  return Object.hasOwn(NSE_EQUITY_HOLIDAYS, year);
}

const fixedDateIndex = new Map(FIXED_DATE_HOLIDAYS.map((holiday) => [holiday.monthDay, holiday.name]));

/**
 * What an operator must do about the holiday list, or null: the current IST year is not listed, or
 * it is December and next year's list (NSE publishes it that month) is not in yet.
 */
export function holidayListReminder(now: Date): string | null {
  const [year, month] = istDateString(now).split('-').map(Number) as [number, number];
  if (!hasHolidayData(year)) return `NSE's ${year} trading holidays are not in lib/market/calendar/nse-holidays.ts: only weekends and fixed-date national holidays are closed.`;
  if (month === 12 && !hasHolidayData(year + 1)) return `Add NSE's ${year + 1} trading holidays (December circular) to lib/market/calendar/nse-holidays.ts before 1 January.`;
  return null;
}

/** The exchange holiday on an IST date, if it is one (for an unlisted year, a fixed-date one only). */
export function holidayOn(istDate: IstDate): ExchangeHoliday | undefined {
  const listed = holidayIndex.get(assertIstDate(istDate));
  if (listed !== undefined || hasHolidayData(Number(istDate.slice(0, 4)))) return listed;
  const name = fixedDateIndex.get(istDate.slice(5));
  return name === undefined ? undefined : { date: istDate, name };
}

/** True if the exchange holds a normal-market session on this IST date. */
export function isTradingDay(istDate: IstDate, options?: CalendarOptions): boolean {
  checkExchange(options);
  assertIstDate(istDate);
  if (specialIndex.has(istDate)) return true;
  const weekday = istWeekday(istDate);
  return weekday !== 0 && weekday !== 6 && holidayOn(istDate) === undefined;
}

/** The session (open and close instants) on an IST date, or null if the market is shut that day. */
export function tradingSessionFor(istDate: IstDate, options?: CalendarOptions): TradingSession | null {
  if (!isTradingDay(istDate, options)) return null;
  const special = specialIndex.get(istDate);
  if (special) {
    return {
      date: istDate,
      open: istWallTimeToDate(istDate, special.open),
      close: istWallTimeToDate(istDate, special.close),
      special: special.name,
    };
  }
  return {
    date: istDate,
    open: istWallTimeToDate(istDate, REGULAR_SESSION.open),
    close: istWallTimeToDate(istDate, REGULAR_SESSION.close),
  };
}

/** True from the open (inclusive) to the close (exclusive) of a session. */
export function isMarketOpen(date: Date, options?: CalendarOptions): boolean {
  const session = tradingSessionFor(istDateString(date), options);
  if (!session) return false;
  const t = date.getTime();
  return t >= session.open.getTime() && t < session.close.getTime();
}

/** The close of the session on the instant's IST date (when DAY orders expire), or null if none. */
export function sessionCloseFor(date: Date, options?: CalendarOptions): Date | null {
  return tradingSessionFor(istDateString(date), options)?.close ?? null;
}

/** The first session open strictly after the instant (so during a session, tomorrow's open). */
export function nextSessionOpen(date: Date, options?: CalendarOptions): Date {
  let day = istDateString(date);
  for (let i = 0; i <= MAX_SEARCH_DAYS; i += 1) {
    const session = tradingSessionFor(day, options);
    if (session && session.open.getTime() > date.getTime()) return session.open;
    day = addIstDays(day, 1);
  }
  throw new Error(`No trading session within ${MAX_SEARCH_DAYS} days of ${date.toISOString()}`);
}

/** The next trading day strictly after an IST date. */
export function nextTradingDay(istDate: IstDate, options?: CalendarOptions): IstDate {
  let day = assertIstDate(istDate);
  for (let i = 0; i < MAX_SEARCH_DAYS; i += 1) {
    day = addIstDays(day, 1);
    if (isTradingDay(day, options)) return day;
  }
  throw new Error(`No trading day within ${MAX_SEARCH_DAYS} days after ${istDate}`);
}

/** The last trading day strictly before an IST date. */
export function previousTradingDay(istDate: IstDate, options?: CalendarOptions): IstDate {
  let day = assertIstDate(istDate);
  for (let i = 0; i < MAX_SEARCH_DAYS; i += 1) {
    day = addIstDays(day, -1);
    if (isTradingDay(day, options)) return day;
  }
  throw new Error(`No trading day within ${MAX_SEARCH_DAYS} days before ${istDate}`);
}

/**
 * The T+1 settlement date of a trade: the next trading day that is not a settlement holiday.
 * It differs from nextTradingDay only around weekend special sessions (Budget day 2026 was a
 * Sunday session with no settlement, so Friday's trades settled on Monday).
 */
export function t1SettlementDate(tradeIstDate: IstDate, options?: CalendarOptions): IstDate {
  let day = assertIstDate(tradeIstDate);
  for (let i = 0; i < MAX_SEARCH_DAYS; i += 1) {
    day = nextTradingDay(day, options);
    if (!specialIndex.get(day)?.settlementHoliday) return day;
  }
  throw new Error(`No settlement day within ${MAX_SEARCH_DAYS} trading days after ${tradeIstDate}`);
}

/** When Zerodha's RMS squares off MIS positions on an IST date, or null if there is no session. */
export function misSquareOffTimeFor(istDate: IstDate, segment: SquareOffSegment, options?: CalendarOptions): Date | null {
  const session = tradingSessionFor(istDate, options);
  if (!session) return null;
  const squareOff = istWallTimeToDate(istDate, MIS_SQUARE_OFF_TIMES[segment]);
  // A shortened special session would close before 15:20; square off no later than its close.
  return squareOff.getTime() < session.close.getTime() ? squareOff : session.close;
}
