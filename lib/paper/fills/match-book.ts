import Decimal from 'decimal.js';
import type { Quote } from '@/lib/market-data/quote';
import type { Fill, TransactionType } from './order';
import { formatPrice } from './tick-size';

/** One price level an order can take from; `quantity: null` means depth is unknown (assume enough). */
export type BookLevel = { price: Decimal; quantity: number | null };

/**
 * The side of the book an order trades against, best price first: sellers for a BUY, buyers for a
 * SELL. When the quote carries depth, only its real levels count (Kite pads with zero rows) and it
 * wins over bid/ask; without depth the touch is taken to have enough quantity for any order.
 */
export function oppositeLevels(quote: Quote, side: TransactionType): BookLevel[] {
  const depthSide = side === 'BUY' ? quote.depth?.sell : quote.depth?.buy;
  if (depthSide !== undefined) {
    const levels = depthSide
      .filter((level) => level.quantity > 0 && new Decimal(level.price).gt(0))
      .map((level) => ({ price: new Decimal(level.price), quantity: level.quantity }));
    return levels.sort((a, b) => (side === 'BUY' ? a.price.cmp(b.price) : b.price.cmp(a.price)));
  }
  const touch = side === 'BUY' ? quote.ask : quote.bid;
  if (touch === null || new Decimal(touch).lte(0)) return [];
  return [{ price: new Decimal(touch), quantity: null }];
}

/** Whether a level's price is acceptable to an order with this limit. */
export function crosses(side: TransactionType, levelPrice: Decimal, limit: Decimal): boolean {
  return side === 'BUY' ? levelPrice.lte(limit) : levelPrice.gte(limit);
}

/**
 * Takes up to `quantity` from `levels`, never at a price worse than `limit`.
 * - 'aggressor' (the order has just arrived or just triggered): it trades at each level's own
 *   price, walking the depth from the touch.
 * - 'passive' (the order was already resting in the book): the other side came to it, so every
 *   fill is at the order's own limit. Filling a resting BUY at an ask that gapped below its limit
 *   would hand out price improvement that a real resting order does not get.
 */
export function takeFromBook(input: {
  side: TransactionType;
  limit: Decimal;
  quantity: number;
  levels: BookLevel[];
  mode: 'aggressor' | 'passive';
  tickSize: string;
}): Fill[] {
  const fills: Fill[] = [];
  let left = input.quantity;
  for (const level of input.levels) {
    if (left === 0 || !crosses(input.side, level.price, input.limit)) break;
    const take = level.quantity === null ? left : Math.min(left, level.quantity);
    left -= take;
    const price = formatPrice(input.mode === 'passive' ? input.limit : level.price, input.tickSize);
    const previous = fills[fills.length - 1];
    if (previous !== undefined && previous.price === price) previous.quantity += take;
    else fills.push({ price, quantity: take });
  }
  return fills;
}
