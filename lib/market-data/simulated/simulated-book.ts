import Decimal from 'decimal.js';
import type { DepthLevel } from '@/lib/market-data/quote';
import { hashInts } from './hash';

const DEPTH_LEVELS = 5;

export type SimulatedBook = { bidTicks: number; askTicks: number; buy: DepthLevel[]; sell: DepthLevel[] };

function levelQuantity(hash: number, price: Decimal, lotSize: number): number {
  // ₹25k–₹10L resting at each level, in whole lots: plausible for liquid NSE names.
  const notional = new Decimal(25_000).mul(1 + (hash % 40));
  const lots = Math.max(1, notional.div(price).div(lotSize).floor().toNumber());
  return lots * lotSize;
}

function levels(input: {
  startTicks: number;
  direction: 1 | -1;
  hash: number;
  tickSize: Decimal;
  lotSize: number;
  format: (ticks: number) => string;
}): DepthLevel[] {
  const result: DepthLevel[] = [];
  let ticks = input.startTicks;
  for (let level = 0; level < DEPTH_LEVELS && ticks >= 1; level += 1) {
    const h = hashInts(input.hash, level);
    const quantity = levelQuantity(h, input.tickSize.mul(ticks), input.lotSize);
    const orders = Math.max(1, Math.min(quantity / input.lotSize, 1 + ((h >>> 8) % 12)));
    result.push({ price: input.format(ticks), quantity, orders });
    // Mostly adjacent ticks, sometimes a one-tick hole, as in a real book.
    ticks += input.direction * ((h >>> 16) % 4 === 0 ? 2 : 1);
  }
  return result;
}

/**
 * A 1–2 tick spread around the LTP (the LTP sits at the bid or the ask when the spread is one
 * tick, in the middle when it is two) and five levels a side.
 */
export function simulatedBook(input: {
  ltpTicks: number;
  hash: number;
  tickSize: Decimal;
  lotSize: number;
  format: (ticks: number) => string;
}): SimulatedBook {
  const { ltpTicks, hash } = input;
  const spread = 1 + (hash & 1);
  let bidTicks = spread === 2 ? ltpTicks - 1 : (hash & 2) === 0 ? ltpTicks - 1 : ltpTicks;
  if (bidTicks < 1) bidTicks = ltpTicks;
  const askTicks = bidTicks + spread;
  const common = { tickSize: input.tickSize, lotSize: input.lotSize, format: input.format };
  return {
    bidTicks,
    askTicks,
    buy: levels({ ...common, startTicks: bidTicks, direction: -1, hash: hashInts(hash, 11) }),
    sell: levels({ ...common, startTicks: askTicks, direction: 1, hash: hashInts(hash, 12) }),
  };
}
