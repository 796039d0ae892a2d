import Decimal from 'decimal.js';
import { DEFAULT_MAX_QUOTE_AGE_MS, isFresh, type Quote } from '@/lib/market-data/quote';
import { protectionPercent, protectionPrice } from './market-protection';
import { oppositeLevels, takeFromBook } from './match-book';
import type { Evaluation, Fill, PaperOrder } from './order';
import { formatPrice } from './tick-size';
import { validateOrder } from './validate-order';

export type EvaluateOrderInput = {
  order: PaperOrder;
  quote: Quote;
  now: Date;
  maxQuoteAgeMs?: number;
};

const sumQuantity = (fills: Fill[]): number => fills.reduce((total, fill) => total + fill.quantity, 0);

function stopTriggered(order: PaperOrder, ltp: Decimal): boolean {
  if (order.triggerPrice === undefined || ltp.lte(0)) return false;
  const trigger = new Decimal(order.triggerPrice);
  return order.transactionType === 'BUY' ? ltp.gte(trigger) : ltp.lte(trigger);
}

/** The price an active order may trade up to (BUY) or down to (SELL), or a reason it has none. */
function effectiveLimit(order: PaperOrder, ltp: Decimal): { limit: Decimal; protection?: string } | { reason: string } {
  if (order.orderType === 'LIMIT' || order.orderType === 'SL') {
    if (order.price === undefined) return { reason: 'The order has no price.' };
    return { limit: new Decimal(order.price) };
  }
  if (order.protectionPrice !== undefined) {
    return { limit: new Decimal(order.protectionPrice), protection: order.protectionPrice };
  }
  // Kite prices a protected market order once, from the LTP when it reaches the exchange (or when
  // an SL-M triggers); the band does not follow the market afterwards.
  if (ltp.lte(0)) return { reason: 'No last traded price to anchor market protection; the order waits for a trade.' };
  const percent = protectionPercent(order.marketProtection, ltp, order.instrumentType);
  const limit = protectionPrice({ transactionType: order.transactionType, lastPrice: ltp, percent, tickSize: order.tickSize });
  return { limit, protection: formatPrice(limit, order.tickSize) };
}

/**
 * One step of the paper matching engine: what happens to a live order on seeing one quote.
 *
 * - Quotes that are not fresh (older than `maxQuoteAgeMs`, default 5 s) are never used: nothing
 *   changes and `reason` says why.
 * - SL / SL-M wait in TRIGGER PENDING until the LTP reaches the trigger (BUY: LTP ≥ trigger, SELL:
 *   LTP ≤ trigger). On that same quote an SL then acts as a LIMIT at its price and an SL-M as a
 *   protected MARKET priced from that LTP.
 * - MARKET (and triggered SL-M) orders become a limit at LTP ± market protection (Kite's
 *   protected market order) and trade at the opposite side: the ask for a BUY, the bid for a SELL.
 * - An arriving order that is marketable trades at the touch, walking the depth level by level
 *   when depth is known, never beyond its limit; without depth it fills in full at the touch.
 * - A resting order (see `PaperOrder.resting`) fills when the opposite side reaches its limit, at
 *   its limit, for as much as the depth up to that price shows (all of it without depth).
 * - Whatever cannot fill stays OPEN as a resting limit (DAY), or is cancelled (IOC).
 *
 * Displayed depth is treated as fresh liquidity on every call, so evaluate an order once per new
 * quote, not repeatedly against the same one.
 */
export function evaluateOrder(input: EvaluateOrderInput): Evaluation {
  const { order, quote, now } = input;
  const validation = validateOrder(order);
  if (!validation.ok) return { fills: [], newStatus: 'REJECTED', reason: validation.reason };

  const remaining = order.quantity - order.filledQuantity;
  if (remaining === 0) return { fills: [], newStatus: 'COMPLETE' };

  const unchanged: Evaluation = {
    fills: [],
    newStatus: order.status,
    ...(order.protectionPrice !== undefined && { protectionPrice: order.protectionPrice }),
    ...(order.resting !== undefined && { resting: order.resting }),
  };
  if (!isFresh(quote, now, input.maxQuoteAgeMs ?? DEFAULT_MAX_QUOTE_AGE_MS)) {
    return { ...unchanged, reason: `Quote for ${quote.instrument} is stale (${quote.timestamp.toISOString()}); not used for fills.` };
  }

  const ltp = new Decimal(quote.lastPrice);
  let justTriggered = false;
  if (order.status === 'TRIGGER PENDING') {
    if (!stopTriggered(order, ltp)) return { ...unchanged, trigger: false };
    justTriggered = true;
  }
  const triggerInfo = justTriggered ? { trigger: true } : {};

  const priced = effectiveLimit(order, ltp);
  if ('reason' in priced) {
    if (order.validity === 'IOC') {
      return { ...triggerInfo, fills: [], newStatus: 'CANCELLED', cancelRemaining: true, reason: priced.reason };
    }
    return { ...triggerInfo, fills: [], newStatus: 'OPEN', reason: priced.reason };
  }

  const passive = order.resting === true && !justTriggered;
  const fills = takeFromBook({
    side: order.transactionType,
    limit: priced.limit,
    quantity: remaining,
    levels: oppositeLevels(quote, order.transactionType),
    mode: passive ? 'passive' : 'aggressor',
    tickSize: order.tickSize,
  });
  const left = remaining - sumQuantity(fills);
  const protectionInfo = priced.protection !== undefined ? { protectionPrice: priced.protection } : {};

  if (left === 0) return { ...triggerInfo, fills, newStatus: 'COMPLETE', ...protectionInfo };

  const limitText = formatPrice(priced.limit, order.tickSize);
  const why = priced.protection !== undefined ? `within market protection (${limitText})` : `at or better than ${limitText}`;
  if (order.validity === 'IOC') {
    return {
      ...triggerInfo,
      fills,
      newStatus: 'CANCELLED',
      cancelRemaining: true,
      reason: `IOC: ${left} of ${remaining} could not be filled at once ${why}; the rest is cancelled.`,
      ...protectionInfo,
    };
  }
  return {
    ...triggerInfo,
    fills,
    newStatus: 'OPEN',
    resting: true,
    ...(fills.length > 0 || priced.protection !== undefined
      ? { reason: `${left} of ${remaining} could not be filled ${why}; the rest waits as a limit at ${limitText}.` }
      : {}),
    ...protectionInfo,
  };
}
