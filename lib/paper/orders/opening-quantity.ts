import type { PlaceOrderInput } from './order-input';

/** How much of an order would open or add to a position (the rest closes one and needs no margin, as on Kite). */
export function openingQuantity(position: { quantity: number }, order: Pick<PlaceOrderInput, 'product' | 'transaction_type' | 'quantity'>): number {
  if (order.product === 'CNC') return order.transaction_type === 'BUY' ? order.quantity : 0;
  const held = position.quantity;
  const opposite = order.transaction_type === 'BUY' ? held < 0 : held > 0;
  return opposite ? Math.max(0, order.quantity - Math.abs(held)) : order.quantity;
}
