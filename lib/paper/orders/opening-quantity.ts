import type { UserId } from '@/lib/auth/user-id';
import { withUserTx } from '@/lib/db/rls';
import type { PlaceOrderInput } from './order-input';

/** How much of an order would open or add to a position (the rest closes one and needs no margin, as on Kite). */
export function openingQuantity(position: { quantity: number }, order: Pick<PlaceOrderInput, 'product' | 'transaction_type' | 'quantity'>): number {
  if (order.product === 'CNC') return order.transaction_type === 'BUY' ? order.quantity : 0;
  const held = position.quantity;
  const opposite = order.transaction_type === 'BUY' ? held < 0 : held > 0;
  return opposite ? Math.max(0, order.quantity - Math.abs(held)) : order.quantity;
}

/**
 * The user's open quantity in a scrip and product on the active account, read without the lock:
 * for previews and for asking Kite before an order takes the lock (which then checks it again).
 */
export async function heldQuantity({ userId, exchange, tradingsymbol, product }: { userId: UserId; exchange: string; tradingsymbol: string; product: string }): Promise<number> {
  const position = await withUserTx(userId, async (tx) => {
    const account = await tx.paperAccount.findFirst({ where: { userId, activeUserId: userId }, select: { id: true } });
    if (!account) return null;
    return tx.paperPosition.findFirst({
      where: { userId, accountId: account.id, exchange, tradingsymbol, product, NOT: { quantity: 0 } },
      orderBy: { tradingDay: 'desc' },
      select: { quantity: true },
    });
  });
  return position?.quantity ?? 0;
}
