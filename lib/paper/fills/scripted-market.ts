import type { Quote } from '@/lib/market-data/quote';
import { applyEvaluation } from './apply-evaluation';
import { evaluateOrder } from './evaluate-order';
import type { Evaluation, Fill, OrderStatus, PaperOrder } from './order';

// Helpers for scenario tests of the fill rules (here and in the paper engine): hand-written quotes
// and a loop that plays an order through a price path the way the engine will.

export const SCRIPT_START = new Date('2026-11-20T04:00:00.000Z'); // 09:30 IST, a Friday

type LevelSpec = [price: string, quantity: number];

export function scriptedQuote(input: {
  ltp: string;
  bid: string | null;
  ask: string | null;
  depth?: { buy: LevelSpec[]; sell: LevelSpec[] };
  at?: Date;
  instrument?: string;
}): Quote {
  const toLevels = (levels: LevelSpec[]) => levels.map(([price, quantity]) => ({ price, quantity, orders: 1 }));
  return {
    instrument: input.instrument ?? 'NSE:INFY',
    lastPrice: input.ltp,
    bid: input.bid,
    ask: input.ask,
    ...(input.depth !== undefined && { depth: { buy: toLevels(input.depth.buy), sell: toLevels(input.depth.sell) } }),
    ohlc: { open: input.ltp, high: input.ltp, low: input.ltp, close: input.ltp },
    timestamp: input.at ?? SCRIPT_START,
    source: 'simulated',
  };
}

/** Quotes one second apart from SCRIPT_START. */
export function scriptedPath(points: Omit<Parameters<typeof scriptedQuote>[0], 'at'>[]): Quote[] {
  return points.map((point, i) => scriptedQuote({ ...point, at: new Date(SCRIPT_START.getTime() + i * 1000) }));
}

export type PlayedOrder = {
  fills: (Fill & { at: Date })[];
  status: OrderStatus;
  order: PaperOrder;
  evaluations: Evaluation[];
};

/** Evaluates the order against each quote in turn (at the quote's own time) until it is final. */
export function playOrder(order: PaperOrder, quotes: Quote[], delayMs = 0): PlayedOrder {
  let current = order;
  const fills: (Fill & { at: Date })[] = [];
  const evaluations: Evaluation[] = [];
  for (const quote of quotes) {
    const evaluation = evaluateOrder({ order: current, quote, now: new Date(quote.timestamp.getTime() + delayMs) });
    evaluations.push(evaluation);
    fills.push(...evaluation.fills.map((fill) => ({ ...fill, at: quote.timestamp })));
    const next = applyEvaluation(current, evaluation);
    if (!next.live) {
      return { fills, status: next.status, order: { ...current, filledQuantity: next.filledQuantity }, evaluations };
    }
    current = next.order;
  }
  return { fills, status: current.status, order: current, evaluations };
}
