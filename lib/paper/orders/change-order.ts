import 'server-only';
import { Decimal } from 'decimal.js';
import type { UserId } from '@/lib/auth/user-id';
import { withUserTx } from '@/lib/db/rls';
import { sqlOf } from '@/lib/db/user-sql';
import { AppError, conflict, notFound } from '@/lib/errors';
import { formatInr } from '@/lib/format/inr';
import { lockActiveAccount } from '@/lib/paper/account/lock-account';
import { blockShare, rebasedBlock } from './book-fill';
import { lockAndLoadBookState, type BookState } from './book-state';
import { checkOrder, type OrderShape } from './check-order';
import { estimateRequirement } from './estimate-requirement';
import { instrumentWithQuote } from './load-instrument';
import type { ModifyOrderInput } from './order-input';
import { LIVE_STATUSES, toKiteStatus, type OrderRow } from './order-row';
import { openingQuantity } from './opening-quantity';
import { cancelOrder, releaseRemainder, stepOrder } from './run-order';
import { addLedger, newBooking, saveBooking } from './save-booking';

const notLive = (order: OrderRow) => conflict(`The order is ${toKiteStatus(order.status)} and can no longer be changed.`);

/** Kite: a partly filled order can be modified, but not to a quantity it has already filled. */
function checkAboveFilled(order: OrderRow, quantity: number): void {
  if (quantity > order.filledQuantity) return;
  const message = `${order.filledQuantity} of this order ${order.filledQuantity === 1 ? 'has' : 'have'} already been filled; the new quantity must be more than ${order.filledQuantity}.`;
  throw new AppError('validation_failed', 'The modification is not valid.', { quantity: [message] });
}

/**
 * As at placement, no short delivery on CNC: a sell's unfilled units must fit in the settled + T1
 * holdings that other open CNC sells leave. Its own filled units have left the holding already, and
 * the state's claim leaves this order out, so the order may be for its filled units plus that.
 */
function checkSellable(order: OrderRow, quantity: number, state: BookState): void {
  const sellable = (state.holding ? state.holding.quantity + state.holding.t1Quantity : 0) - state.claimedBySells;
  if (quantity - order.filledQuantity <= sellable) return;
  const most = order.filledQuantity + Math.max(0, sellable);
  throw new AppError('unprocessable', `Insufficient holdings: you can sell up to ${most} ${order.tradingsymbol} with this order (no short delivery on CNC).`);
}

/** What an order still holds of its block: the share of its unfilled units. */
const heldBy = (order: OrderRow) => {
  const blocked = new Decimal(order.blockedMargin.toString());
  return blocked.minus(blockShare(blocked, order.filledQuantity, order.quantity));
};

/** Cancels an open order and releases what it still blocks. Another user's order is a 404. */
export async function cancelPaperOrder({ userId, orderId }: { userId: UserId; orderId: string }): Promise<OrderRow> {
  return withUserTx(userId, async (tx) => {
    const account = await lockActiveAccount(tx, userId);
    const order = await tx.paperOrder.findFirst({ where: { id: orderId, userId, accountId: account.id } });
    if (!order) throw notFound('Order');
    if (!LIVE_STATUSES.includes(order.status)) throw notLive(order);
    return cancelOrder(tx, { userId, order, message: 'Cancelled by you.', releaseNote: 'Margin released: order cancelled' });
  });
}

/**
 * Modifies an open order as Kite does (type, quantity, price, trigger, validity): what the order
 * still holds is released and the new block taken in the same transaction, and the order re-enters
 * the book. A partly filled order can be modified too: the quantity stays the order's total and
 * must be more than what has filled, and only the unfilled rest is margined (see rebasedBlock);
 * its fills, average price and charges so far stay as they are.
 */
export async function modifyPaperOrder({ userId, orderId, input, now = new Date() }: { userId: UserId; orderId: string; input: Partial<ModifyOrderInput>; now?: Date }): Promise<OrderRow> {
  const current = await withUserTx(userId, (tx) => tx.paperOrder.findFirst({ where: { id: orderId, userId, account: { activeUserId: userId } } }));
  if (!current) throw notFound('Order');
  if (!LIVE_STATUSES.includes(current.status)) throw notLive(current);
  if (input.quantity !== undefined) checkAboveFilled(current, input.quantity);
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
  const problems = checkOrder(merged, instrument, quote.lastPrice, now);
  if (Object.keys(problems).length > 0) throw new AppError('validation_failed', 'The modification is not valid.', problems);

  return withUserTx(userId, async (tx) => {
    // The order's own fills so far (its charges are per order) come with the state.
    const state = await lockAndLoadBookState(tx, { userId, exchange: current.exchange, tradingsymbol: current.tradingsymbol, product: current.product, at: now, orderId });
    const order = await tx.paperOrder.findFirst({ where: { id: orderId, userId, accountId: state.accountId } });
    if (!order) throw notFound('Order');
    if (!LIVE_STATUSES.includes(order.status)) throw notLive(order);
    // Checked again under the lock: the engine may have filled more since the first look.
    checkAboveFilled(order, merged.quantity);
    if (order.product === 'CNC' && order.transactionType === 'SELL') checkSellable(order, merged.quantity, state);
    const rest = { ...merged, quantity: merged.quantity - order.filledQuantity };
    const requirement = estimateRequirement({ order: { ...rest, market_protection: order.marketProtection === null ? undefined : Number(order.marketProtection.toString()) }, instrument, quote, openingQuantity: openingQuantity(state.position, rest), at: now });
    const available = state.cash.plus(heldBy(order));
    if (new Decimal(requirement.total).gt(available)) {
      throw new AppError('unprocessable', `Insufficient funds. The modified order needs ${formatInr(requirement.total)} but ${formatInr(available.toFixed(2))} is available.`);
    }
    const blockedMargin = rebasedBlock(new Decimal(requirement.total), order.filledQuantity, merged.quantity);
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
        blockedMargin: blockedMargin.toFixed(2),
        statusMessage: null,
      },
    });
    const booking = newBooking({ userId, accountId: state.accountId, order: updated });
    releaseRemainder(booking, order, 'Margin released: order modified');
    if (new Decimal(requirement.total).gt(0)) {
      addLedger(booking, { kind: 'MARGIN_BLOCK', amount: new Decimal(requirement.total).neg().toFixed(2), note: `Margin blocked for modified order on ${order.tradingsymbol}`, refId: order.id });
    }
    // The state read under the lock (with this order's fills) is what a fill books against.
    const stepped = await stepOrder(booking, { order: updated, instrument, quote, now }, () => state);
    await saveBooking(sqlOf(tx), booking);
    return stepped ?? updated;
  });
}
