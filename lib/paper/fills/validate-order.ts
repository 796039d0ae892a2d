import Decimal from 'decimal.js';
import { AUTOMATIC_PROTECTION } from './market-protection';
import type { PaperOrder, ValidationResult } from './order';
import { isOnTick } from './tick-size';

const OK: ValidationResult = { ok: true };
const fail = (reason: string): ValidationResult => ({ ok: false, reason });

function checkPrice(label: string, value: string | undefined, tickSize: string): ValidationResult {
  if (value === undefined) return fail(`${label} is required for this order type.`);
  const price = new Decimal(value);
  if (price.lte(0)) return fail(`${label} must be greater than zero.`);
  if (!isOnTick(price, tickSize)) return fail(`${label} ${value} is not a multiple of the tick size ${tickSize}.`);
  return OK;
}

/**
 * Stop orders: the limit must be on the far side of the trigger (BUY SL: price ≥ trigger, SELL SL:
 * price ≤ trigger), or the order would be unfillable the moment it triggers. With `lastPrice` (at
 * placement or modification) the trigger must also not have been reached yet, as Kite requires:
 * BUY trigger above the LTP, SELL trigger below it.
 */
export function validateStopOrder(
  order: Pick<PaperOrder, 'transactionType' | 'orderType' | 'price' | 'triggerPrice'>,
  lastPrice?: Decimal.Value,
): ValidationResult {
  if (order.orderType !== 'SL' && order.orderType !== 'SL-M') return OK;
  if (order.triggerPrice === undefined) return fail('Trigger price is required for SL and SL-M orders.');
  const trigger = new Decimal(order.triggerPrice);
  const isBuy = order.transactionType === 'BUY';
  if (order.orderType === 'SL' && order.price !== undefined) {
    const price = new Decimal(order.price);
    if (isBuy && price.lt(trigger)) {
      return fail(`For a BUY SL order the price (${order.price}) must be at or above the trigger price (${order.triggerPrice}).`);
    }
    if (!isBuy && price.gt(trigger)) {
      return fail(`For a SELL SL order the price (${order.price}) must be at or below the trigger price (${order.triggerPrice}).`);
    }
  }
  if (lastPrice !== undefined && new Decimal(lastPrice).gt(0)) {
    const ltp = new Decimal(lastPrice);
    const shown = typeof lastPrice === 'string' ? lastPrice : ltp.toString();
    if (isBuy && trigger.lte(ltp)) {
      return fail(`Trigger price for a BUY stop order must be above the last traded price (${shown}).`);
    }
    if (!isBuy && trigger.gte(ltp)) {
      return fail(`Trigger price for a SELL stop order must be below the last traded price (${shown}).`);
    }
  }
  return OK;
}

/** Every rule evaluateOrder relies on, with a reason fit to show the user. */
export function validateOrder(order: PaperOrder): ValidationResult {
  const tick = new Decimal(order.tickSize);
  if (tick.lte(0)) return fail('This instrument cannot be traded (it has no tick size; indices are not tradable).');
  if (!Number.isSafeInteger(order.quantity) || order.quantity <= 0) return fail('Quantity must be a positive whole number.');
  if (!Number.isSafeInteger(order.filledQuantity) || order.filledQuantity < 0 || order.filledQuantity > order.quantity) {
    return fail('Filled quantity must be between zero and the order quantity.');
  }

  const { orderType } = order;
  const isStop = orderType === 'SL' || orderType === 'SL-M';
  const isMarketLike = orderType === 'MARKET' || orderType === 'SL-M';

  if (orderType === 'LIMIT' || orderType === 'SL') {
    const priceCheck = checkPrice('Price', order.price, order.tickSize);
    if (!priceCheck.ok) return priceCheck;
  } else if (order.price !== undefined) {
    return fail(`${orderType} orders take no price; use LIMIT or SL to cap the price, or market protection.`);
  }

  if (isStop) {
    const triggerCheck = checkPrice('Trigger price', order.triggerPrice, order.tickSize);
    if (!triggerCheck.ok) return triggerCheck;
  } else if (order.triggerPrice !== undefined) {
    return fail(`${orderType} orders take no trigger price.`);
  }

  if (order.status === 'TRIGGER PENDING' && !isStop) return fail('Only SL and SL-M orders can be trigger pending.');

  // NSE withdrew SL-M for index and stock options after freak trades; Kite rejects them.
  if (orderType === 'SL-M' && (order.instrumentType === 'CE' || order.instrumentType === 'PE')) {
    return fail('SL-M orders are not allowed for options; use an SL order with a limit price.');
  }

  if (order.marketProtection !== undefined) {
    const mp = order.marketProtection;
    const valid = mp === AUTOMATIC_PROTECTION || (Number.isFinite(mp) && mp > 0 && mp <= 100);
    if (!valid) return fail('Market protection must be a percentage above 0 and up to 100, or -1 for automatic.');
  }
  if (order.protectionPrice !== undefined) {
    if (!isMarketLike) return fail('Only MARKET and SL-M orders carry a protection price.');
    const protectionCheck = checkPrice('Protection price', order.protectionPrice, order.tickSize);
    if (!protectionCheck.ok) return protectionCheck;
  }

  return validateStopOrder(order);
}
