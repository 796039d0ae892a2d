import 'server-only';
import { Decimal } from 'decimal.js';
import type { UserId } from '@/lib/auth/user-id';
import type { Tx } from '@/lib/db/rls';
import type { Instrument } from '@/lib/instruments/find-instrument';
import type { Quote } from '@/lib/market-data/quote';
import { evaluateOrder } from '@/lib/paper/fills/evaluate-order';
import { blockShare, bookFill } from './book-fill';
import { fillInstrumentType } from './check-order';
import { toDbStatus, toFillOrder, type OrderRow } from './order-row';

/** Releases what is still blocked for the unfilled rest of an order that has ended. */
export async function releaseRemainder(tx: Tx, userId: UserId, order: OrderRow, filledQuantity: number, note: string): Promise<void> {
  const blocked = new Decimal(order.blockedMargin.toString());
  const rest = blocked.minus(blockShare(blocked, filledQuantity, order.quantity));
  if (rest.lte(0)) return;
  await tx.ledgerEntry.create({ data: { userId, accountId: order.accountId, kind: 'MARGIN_RELEASE', amount: rest.toFixed(2), note, refId: order.id } });
}

/**
 * One step of the engine for one live order, inside the account's lock: evaluate it against the
 * quote, book every fill, and store the new state (releasing margin when it ends).
 */
export async function runOrder(
  tx: Tx,
  args: { userId: UserId; order: OrderRow; instrument: Instrument; quote: Quote; now: Date; autoSquareOff?: boolean },
): Promise<OrderRow> {
  const { userId, instrument, quote, now } = args;
  let order = args.order;
  const evaluation = evaluateOrder({ order: toFillOrder(order, instrument.tickSize, fillInstrumentType(instrument)), quote, now });
  let filledQuantity = order.filledQuantity;
  let averagePrice: Decimal | null = order.averagePrice === null ? null : new Decimal(order.averagePrice.toString());
  for (const fill of evaluation.fills) {
    const booked = await bookFill(tx, { userId, accountId: order.accountId, order: { ...order, filledQuantity, averagePrice: averagePrice as never }, instrument, fill, at: now, priceSource: quote.source, autoSquareOff: args.autoSquareOff === true });
    filledQuantity = booked.filledQuantity;
    averagePrice = booked.averagePrice;
  }
  const status = toDbStatus(evaluation.newStatus);
  const ended = status === 'COMPLETE' || status === 'CANCELLED' || status === 'REJECTED';
  const protectionChanged =
    evaluation.protectionPrice !== undefined && (order.protectionPrice === null || !new Decimal(evaluation.protectionPrice).eq(order.protectionPrice.toString()));
  const changed = evaluation.fills.length > 0 || status !== order.status || protectionChanged || (evaluation.resting ?? order.resting) !== order.resting;
  if (!changed) return order;
  order = await tx.paperOrder.update({
    where: { id: order.id, userId },
    data: {
      status,
      filledQuantity,
      ...(averagePrice !== null && { averagePrice: averagePrice.toFixed(4) }),
      ...(evaluation.protectionPrice !== undefined && { protectionPrice: evaluation.protectionPrice }),
      ...(evaluation.resting !== undefined && { resting: evaluation.resting }),
      ...(status === 'CANCELLED' && { cancelledQuantity: order.quantity - filledQuantity }),
      ...(evaluation.reason !== undefined && (ended || evaluation.fills.length > 0) && { statusMessage: evaluation.reason }),
      priceSource: quote.source,
    },
  });
  if (ended) await releaseRemainder(tx, userId, order, filledQuantity, `Margin released: order ${status.toLowerCase()}`);
  return order;
}
