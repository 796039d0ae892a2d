import { inputError } from './http-io';
import type { Instrument } from './instruments';
import { formatIstIsoWithOffset, istTimeOnDay, istWeekday, parseIstDateTime } from './ist-time';
import { hashString, priceAt } from './market';

const INTERVALS: Record<string, { minutes: number; maxDays: number }> = {
  minute: { minutes: 1, maxDays: 60 },
  '3minute': { minutes: 3, maxDays: 100 },
  '5minute': { minutes: 5, maxDays: 100 },
  '10minute': { minutes: 10, maxDays: 100 },
  '15minute': { minutes: 15, maxDays: 200 },
  '30minute': { minutes: 30, maxDays: 200 },
  '60minute': { minutes: 60, maxDays: 400 },
  day: { minutes: 0, maxDays: 2000 },
};

const DAY_MS = 24 * 60 * 60 * 1000;
type Candle = [string, number, number, number, number, number] | [string, number, number, number, number, number, number];

function candle(instrument: Instrument, start: Date, end: Date, withOi: boolean): Candle {
  const span = end.getTime() - start.getTime();
  const samples = [0, 1, 2, 3, 4].map((i) => priceAt(instrument, new Date(start.getTime() + (span * i) / 4)));
  const open = samples[0] ?? 0;
  const close = samples[4] ?? 0;
  const volume = instrument.segment === 'INDICES' ? 0 : 100 + (hashString(`${instrument.instrumentToken}:${start.getTime()}`) % 50_000);
  const base: [string, number, number, number, number, number] = [
    formatIstIsoWithOffset(start),
    open,
    Math.max(...samples),
    Math.min(...samples),
    close,
    volume,
  ];
  return withOi ? [...base, 0] : base;
}

/** Candles over market hours (09:15-15:30 IST, Mon-Fri), never beyond `now`, Kite's span limits enforced. */
export function historicalCandles(
  instrument: Instrument,
  interval: string,
  query: { from?: string | null; to?: string | null; oi?: string | null },
  now: Date,
): Candle[] {
  const spec = INTERVALS[interval];
  if (!spec) throw inputError('invalid interval');
  const from = parseIstDateTime(query.from ?? '');
  const to = parseIstDateTime(query.to ?? '');
  if (!from || !to) throw inputError('invalid from/to date');
  if (to.getTime() < from.getTime()) throw inputError('invalid date range: from is after to');
  if (to.getTime() - from.getTime() > spec.maxDays * DAY_MS) {
    throw inputError(`interval exceeds max limit: ${spec.maxDays} days`);
  }
  const withOi = query.oi === '1';
  const limit = Math.min(to.getTime(), now.getTime());
  const candles: Candle[] = [];
  for (let day = istTimeOnDay(from, 0); day.getTime() <= limit; day = istTimeOnDay(day, 0, 0, 0, 1)) {
    const weekday = istWeekday(day);
    if (weekday === 0 || weekday === 6) continue;
    const open = istTimeOnDay(day, 9, 15);
    const close = istTimeOnDay(day, 15, 30);
    if (spec.minutes === 0) {
      if (open.getTime() <= limit) {
        const dayCandle = candle(instrument, open, new Date(Math.min(close.getTime(), limit)), withOi);
        dayCandle[0] = formatIstIsoWithOffset(day);
        candles.push(dayCandle);
      }
      continue;
    }
    const step = spec.minutes * 60 * 1000;
    for (let t = open.getTime(); t < close.getTime(); t += step) {
      if (t < from.getTime() || t > limit) continue;
      candles.push(candle(instrument, new Date(t), new Date(Math.min(t + step, close.getTime())), withOi));
    }
  }
  return candles;
}
