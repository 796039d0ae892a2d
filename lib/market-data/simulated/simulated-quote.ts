import Decimal from 'decimal.js';
import type { Quote } from '@/lib/market-data/quote';
import { fallbackBasePrice } from './fallbacks';
import { hashInts, hashString } from './hash';
import { dayPath, pathRange } from './price-path';
import { previousTradingDay, sessionPointAt, sessionShape, type SimulatedSession } from './session-clock';
import { simulatedBook } from './simulated-book';

export type SimulatedInstrument = {
  /** 'EXCHANGE:TRADINGSYMBOL'. */
  instrument: string;
  /** From the instrument master. Zero or less (index rows) falls back to 0.05 for display. */
  tickSize: Decimal.Value;
  /** Reference price the market reverts to; without one a stable price is derived from the symbol. */
  basePrice?: Decimal.Value;
  /** Different seeds give independent markets; the default is shared by every process. */
  seed?: string;
  session?: SimulatedSession;
  /** Depth quantities come in whole lots (F&O); default 1. */
  lotSize?: number;
  /** Indices have a price but no order book, bid, ask or volume. */
  index?: boolean;
};

export type SimulatedQuoteInput = SimulatedInstrument & { at: Date };

const DEFAULT_SEED = 'tradedeck-simulated-v1';
const DEFAULT_TICK = new Decimal('0.05');
const MAX_ANCHOR_TICKS = 1_000_000_000;
const MAX_PATH_POINTS = 100_000;

type Prepared = {
  tick: Decimal;
  decimals: number;
  anchorTicks: number;
  streamHash: number;
  session: SimulatedSession;
  lotSize: number;
};

function prepare(input: SimulatedInstrument): Prepared {
  const given = new Decimal(input.tickSize);
  const tick = given.isFinite() && given.gt(0) ? given : DEFAULT_TICK;
  const base = new Decimal(input.basePrice ?? fallbackBasePrice(input.instrument, tick));
  if (!base.isFinite() || base.lte(0)) throw new RangeError(`Base price must be positive for ${input.instrument}`);
  const anchorTicks = Math.max(1, base.div(tick).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber());
  if (anchorTicks > MAX_ANCHOR_TICKS) throw new RangeError(`Base price ${base.toString()} is too many ticks of ${tick.toString()}`);
  const lotSize = input.lotSize ?? 1;
  if (!Number.isSafeInteger(lotSize) || lotSize < 1) throw new RangeError('Lot size must be a positive whole number');
  return {
    tick,
    decimals: Math.max(tick.decimalPlaces(), 2),
    anchorTicks,
    streamHash: hashString(`${input.seed ?? DEFAULT_SEED}|${input.instrument}`),
    session: input.session ?? 'nse',
    lotSize,
  };
}

function volumeAt(p: Prepared, day: number, index: number): number {
  // Roughly ₹10–500 crore traded a day; cumulative and non-decreasing through the session.
  const h = hashInts(p.streamHash, day, 5);
  const dailyLots = new Decimal(100_000_000).mul(1 + (h % 50)).div(p.tick.mul(p.anchorTicks)).div(p.lotSize).floor().toNumber();
  const perSecond = dailyLots / (sessionShape(p.session).lastIndex + 1);
  const jitterRange = Math.max(1, Math.floor(perSecond));
  return (Math.floor(perSecond * index) + (hashInts(h, index) % jitterRange)) * p.lotSize;
}

function quoteFrom(input: SimulatedInstrument, p: Prepared, at: Date): Quote {
  const point = sessionPointAt(at, p.session);
  const key = { streamHash: p.streamHash, anchorTicks: p.anchorTicks, session: p.session };
  const today = dayPath({ ...key, day: point.day });
  const yesterday = dayPath({ ...key, day: previousTradingDay(point.day, p.session) });
  const format = (ticks: number): string => p.tick.mul(ticks).toFixed(p.decimals);

  const ltpTicks = today[point.index] ?? p.anchorTicks;
  const range = pathRange(today, point.index);
  const ohlc = {
    open: format(range.open),
    high: format(range.high),
    low: format(range.low),
    close: format(yesterday[yesterday.length - 1] ?? p.anchorTicks),
  };
  const common = { instrument: input.instrument, lastPrice: format(ltpTicks), ohlc, timestamp: point.stateTime, source: 'simulated' as const };
  if (input.index === true) return { ...common, bid: null, ask: null };

  const book = simulatedBook({ ltpTicks, hash: hashInts(p.streamHash, point.day, 4, point.index), tickSize: p.tick, lotSize: p.lotSize, format });
  return {
    ...common,
    bid: format(book.bidTicks),
    ask: format(book.askTicks),
    depth: { buy: book.buy, sell: book.sell },
    volume: volumeAt(p, point.day, point.index),
  };
}

/**
 * The simulated market's quote for an instrument at an instant. Pure: the same input always gives
 * the same quote (one-second buckets). Outside the session it shows the last close, with that
 * close's timestamp, so fill logic sees it as stale exactly as it would a closed market on Kite.
 */
export function simulatedQuote(input: SimulatedQuoteInput): Quote {
  return quoteFrom(input, prepare(input), input.at);
}

/** Quotes from `from` to `to` inclusive every `stepMs` (default 1 s), for scripted scenarios. */
export function simulatedPath(input: SimulatedInstrument & { from: Date; to: Date; stepMs?: number }): Quote[] {
  const stepMs = input.stepMs ?? 1000;
  const start = input.from.getTime();
  const end = input.to.getTime();
  if (!Number.isFinite(stepMs) || stepMs <= 0) throw new RangeError('stepMs must be positive');
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) throw new RangeError('Expected from <= to');
  if ((end - start) / stepMs >= MAX_PATH_POINTS) throw new RangeError(`A path is limited to ${MAX_PATH_POINTS} quotes`);
  const prepared = prepare(input);
  const quotes: Quote[] = [];
  for (let t = start; t <= end; t += stepMs) quotes.push(quoteFrom(input, prepared, new Date(t)));
  return quotes;
}
