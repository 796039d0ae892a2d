import 'server-only';
import { Decimal } from 'decimal.js';
import { z } from 'zod';
import type { UserId } from '@/lib/auth/user-id';
import type { InstrumentKey } from '@/lib/instruments/underlying';
import { withUserKite } from '@/lib/kite/user-kite';
import { addIstDays, istDateString, previousTradingDay, sessionCloseFor, type IstDate } from '@/lib/market/calendar';

export type CloseTarget = InstrumentKey & { instrumentToken: number };

const CandlesSchema = z.array(z.looseObject({ date: z.string(), close: z.number().nonnegative() }));
const OhlcSchema = z.record(z.string(), z.looseObject({ ohlc: z.looseObject({ close: z.number().nonnegative() }) }));

const price = (value: number) => new Decimal(value).toFixed();

// Order pages ask the engine on every poll, and a position can wait days for its price: a found
// close is kept (it never changes); when Kite was asked and could not tell, it is not asked again
// for a few minutes. Without a session nothing is remembered, so connecting Kite settles at once.
const RETRY_AFTER_MS = 5 * 60_000;
const found = new Map<string, string>();
const missed = new Map<string, number>();

/**
 * An instrument's official close on a past IST trading day, from the user's own Kite session: the
 * day candle (historical data), or, where the app has no historical access, the quote's previous
 * close while no session has traded since that day. Null without a live session, or when Kite
 * cannot tell any more; the caller then waits rather than settle at a price from another source.
 */
export async function kiteClosingPrice({ userId, target, day, now }: { userId: UserId; target: CloseTarget; day: IstDate; now: Date }): Promise<string | null> {
  const memoKey = `${userId}|${target.instrumentToken}|${day}`;
  const known = found.get(memoKey);
  if (known !== undefined) return known;
  if ((missed.get(memoKey) ?? -Infinity) > now.getTime() - RETRY_AFTER_MS) return null;
  const asked = { kite: false };
  const close = (await closeFromCandle(userId, target, day, asked)) ?? (await closeFromQuote(userId, target, day, now, asked));
  if (found.size > 10_000) found.clear();
  if (missed.size > 10_000) missed.clear();
  if (close !== null) found.set(memoKey, close);
  else if (asked.kite) missed.set(memoKey, now.getTime());
  return close;
}

type Asked = { kite: boolean };

function closeFromCandle(userId: UserId, target: CloseTarget, day: IstDate, asked: Asked): Promise<string | null> {
  return withUserKite({ userId, event: 'kite.closing_price_failed' }, async (call) => {
    asked.kite = true;
    const candles = await call({
      category: 'historical',
      schema: CandlesSchema,
      request: (client) => client.getHistoricalData(target.instrumentToken, 'day', `${day} 00:00:00`, `${addIstDays(day, 1)} 00:00:00`),
    });
    const candle = candles.find((c) => c.date.slice(0, 10) === day);
    return candle ? price(candle.close) : null;
  });
}

// A quote's ohlc.close is the previous session's close: `day`'s only on the next trading day (or
// the holidays before it) and before that day's own close.
async function closeFromQuote(userId: UserId, target: CloseTarget, day: IstDate, now: Date, asked: Asked): Promise<string | null> {
  const today = istDateString(now);
  if (previousTradingDay(today) !== day) return null;
  const todayClose = sessionCloseFor(now);
  if (todayClose !== null && now.getTime() >= todayClose.getTime()) return null;
  const key = `${target.exchange}:${target.tradingsymbol}`;
  return withUserKite({ userId, event: 'kite.closing_price_failed' }, async (call) => {
    asked.kite = true;
    const quotes = await call({ category: 'quote', schema: OhlcSchema, request: (client) => client.getOHLC([key]) });
    const close = quotes[key]?.ohlc.close;
    return close === undefined || close === 0 ? null : price(close);
  });
}
