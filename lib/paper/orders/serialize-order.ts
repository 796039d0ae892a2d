import type { OrderRow } from './order-row';
import { toKiteStatus } from './order-row';

const num = (value: { toString(): string } | null) => (value === null ? 0 : Number(value.toString()));

/** An order in Kite's field names and statuses ("TRIGGER PENDING" with a space). */
export function serializeOrder(order: OrderRow) {
  return {
    order_id: order.id,
    exchange: order.exchange,
    tradingsymbol: order.tradingsymbol,
    instrument_token: order.instrumentToken,
    transaction_type: order.transactionType,
    order_type: order.orderType,
    product: order.product,
    variety: order.variety,
    validity: order.validity,
    quantity: order.quantity,
    filled_quantity: order.filledQuantity,
    pending_quantity: ['OPEN', 'TRIGGER_PENDING'].includes(order.status) ? order.quantity - order.filledQuantity : 0,
    cancelled_quantity: order.cancelledQuantity,
    price: num(order.price),
    trigger_price: num(order.triggerPrice),
    average_price: num(order.averagePrice),
    market_protection: order.marketProtection === null ? 0 : num(order.marketProtection),
    protection_price: order.protectionPrice === null ? null : num(order.protectionPrice),
    status: toKiteStatus(order.status),
    status_message: order.statusMessage,
    tag: order.tag,
    blocked_margin: order.blockedMargin.toString(),
    price_source: order.priceSource,
    order_timestamp: order.placedAt.toISOString(),
    exchange_update_timestamp: order.updatedAt.toISOString(),
  };
}

export type SerializedOrder = ReturnType<typeof serializeOrder>;
