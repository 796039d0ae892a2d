import 'server-only';
import { Decimal } from 'decimal.js';
import type { UserId } from '@/lib/auth/user-id';
import { withUserTx } from '@/lib/db/rls';
import { AppError, conflict, notFound } from '@/lib/errors';
import { formatInr } from '@/lib/format/inr';
import { ledgerBalance, lockActiveAccount } from '@/lib/paper/account/lock-account';
import { checkOrder, type OrderShape } from './check-order';
import { estimateRequirement } from './estimate-requirement';
import { instrumentWithQuote } from './load-instrument';
import type { ModifyOrderInput } from './order-input';
import { LIVE_STATUSES, toKiteStatus, type OrderRow } from './order-row';
import { openingQuantity } from './place-order';
import { releaseRemainder, runOrder } from './run-order';

const notLive = (order: OrderRow) => conflict(`The order is ${toKiteStatus(order.status)} and can no longer be changed.`);

/** Cancels an open order and releases what it still blocks. Another user's order is a 404. */
export async function cancelPaperOrder({ userId, orderId }: { userId: UserId; orderId: string }): Promise<OrderRow> {
  return withUserTx(userId, async (tx) => {
    const account = await lockActiveAccount(tx, userId);
    const order = await tx.paperOrder.findFirst({ where: { id: orderId, userId, accountId: account.id } });
    if (!order) throw notFound('Order');
    if (!LIVE_STATUSES.includes(order.status)) throw notLive(order);
    const updated = await tx.paperOrder.update({
      where: { id: order.id, userId },
      data: { status: 'CANCELLED', cancelledQuantity: order.quantity - order.filledQuantity, statusMessage: 'Cancelled by you.' },
    });
    await releaseRemainder(tx, userId, order, order.filledQuantity, 'Margin released: order cancelled');
    return updated;
  });
}

/**
 * Modifies an open order as Kite does (type, quantity, price, trigger, validity): the old block is
 * released and the new one taken in the same transaction, and the order re-enters the book.
 * Partially filled orders are not modifiable here (cancel the rest and place a new one).
 */
export async function modifyPaperOrder({ userId, orderId, input, now = new Date() }: { userId: UserId; orderId: string; input: Partial<ModifyOrderInput>; now?: Date }): Promise<OrderRow> {
  const current = await withUserTx(userId, (tx) => tx.paperOrder.findFirst({ where: { id: orderId, userId, account: { activeUserId: userId } } }));
  if (!current) throw notFound('Order');
  if (!LIVE_STATUSES.includes(current.status)) throw notLive(current);
  const { instrument, quote } = await instrumentWithQuote(current.exchange, current.tradingsymbol, now, userId);
  const orderType = input.order_type ?? (current.orderType as OrderShape['order_type']);
  const keepsPrice = orderType === 'LIMIT' || orderType === 'SL';
  const keepsTrigger = orderType === 'SL' || orderType === 'SL-M';
  const merged: OrderShape = {
    exchange: current.exchange,
    transaction_type: current.transactionType as OrderShape['transaction_type'],
    order_type: orderType,
    product: current.product as OrderShape['product'],
    quantity: input.quantity ?? current.quantity,
    price: input.price ?? (keepsPrice ? current.price?.toString() : undefined),
    trigger_price: input.trigger_price ?? (keepsTrigger ? current.triggerPrice?.toString() : undefined),
  };
  const problems = checkOrder(merged, instrument, quote.lastPrice);
  if (Object.keys(problems).length > 0) throw new AppError('validation_failed', 'The modification is not valid.', problems);

  return withUserTx(userId, async (tx) => {
    const account = await lockActiveAccount(tx, userId);
    const order = await tx.paperOrder.findFirst({ where: { id: orderId, userId, accountId: account.id } });
    if (!order) throw notFound('Order');
    if (!LIVE_STATUSES.includes(order.status)) throw notLive(order);
    if (order.filledQuantity > 0) throw conflict('This order is partly filled; cancel the rest and place a new order instead.');
    const opening = await openingQuantity(tx, userId, account.id, { ...merged, exchange: order.exchange, tradingsymbol: order.tradingsymbol });
    const requirement = estimateRequirement({ order: { ...merged, market_protection: order.marketProtection === null ? undefined : Number(order.marketProtection.toString()) }, instrument, quote, openingQuantity: opening, at: now });
    const available = (await ledgerBalance(tx, userId, account.id)).plus(order.blockedMargin.toString());
    if (new Decimal(requirement.total).gt(available)) {
      throw new AppError('unprocessable', `Insufficient funds. The modified order needs ${formatInr(requirement.total)} but ${formatInr(available.toFixed(2))} is available.`);
    }
    await releaseRemainder(tx, userId, order, 0, 'Margin released: order modified');
    const updated = await tx.paperOrder.update({
      where: { id: order.id, userId },
      data: {
        orderType,
        quantity: merged.quantity,
        price: merged.price ?? null,
        triggerPrice: merged.trigger_price ?? null,
        validity: input.validity ?? order.validity,
        status: keepsTrigger ? 'TRIGGER_PENDING' : 'OPEN',
        resting: false,
        protectionPrice: null,
        blockedMargin: requirement.total,
        statusMessage: null,
      },
    });
    if (new Decimal(requirement.total).gt(0)) {
      await tx.ledgerEntry.create({
        data: { userId, accountId: account.id, kind: 'MARGIN_BLOCK', amount: new Decimal(requirement.total).neg().toFixed(2), note: `Margin blocked for modified order on ${order.tradingsymbol}`, refId: order.id },
      });
    }
    return runOrder(tx, { userId, order: updated, instrument, quote, now });
  });
}
