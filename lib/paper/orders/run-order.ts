import 'server-only';
import { Decimal } from 'decimal.js';
import type { UserId } from '@/lib/auth/user-id';
import type { Tx } from '@/lib/db/rls';
import { sqlOf } from '@/lib/db/user-sql';
import type { Instrument } from '@/lib/instruments/find-instrument';
import type { Quote } from '@/lib/market-data/quote';
import { evaluateOrder } from '@/lib/paper/fills/evaluate-order';
import { Prisma } from '@/prisma/generated/client';
import { blockShare, bookFill } from './book-fill';
import { lockAndLoadBookState, type BookState } from './book-state';
import { fillInstrumentType } from './check-order';
import { toDbStatus, toFillOrder, type OrderRow } from './order-row';
import { addLedger, newBooking, saveBooking, type Booking } from './save-booking';

/** Releases what is still blocked for the unfilled rest of an order that has ended. */
export function releaseRemainder(booking: Booking, order: OrderRow, note: string): void {
  const blocked = new Decimal(order.blockedMargin.toString());
  const rest = blocked.minus(blockShare(blocked, order.filledQuantity, order.quantity));
  if (rest.gt(0)) addLedger(booking, { kind: 'MARGIN_RELEASE', amount: rest.toFixed(2), note, refId: order.id });
}

type StepArgs = { order: OrderRow; instrument: Instrument; quote: Quote; now: Date; autoSquareOff?: boolean };

/**
 * One step of the engine for one live order (pure): evaluate it against the quote, book every
 * fill into `booking`, and set the order's new state (releasing margin when it ends). `state` is
 * needed only when the evaluation fills; `loadState` is asked for it then. Returns null when
 * nothing about the order changed.
 */
export async function stepOrder(booking: Booking, args: StepArgs, loadState: () => Promise<BookState> | BookState): Promise<OrderRow | null> {
  const { instrument, quote, now } = args;
  let order = args.order;
  const evaluation = evaluateOrder({ order: toFillOrder(order, instrument.tickSize, fillInstrumentType(instrument)), quote, now });
  const status = toDbStatus(evaluation.newStatus);
  const ended = status === 'COMPLETE' || status === 'CANCELLED' || status === 'REJECTED';
  const protectionChanged =
    evaluation.protectionPrice !== undefined && (order.protectionPrice === null || !new Decimal(evaluation.protectionPrice).eq(order.protectionPrice.toString()));
  const changed = evaluation.fills.length > 0 || status !== order.status || protectionChanged || (evaluation.resting ?? order.resting) !== order.resting;
  if (!changed) return null;

  if (evaluation.fills.length > 0) {
    const state = await loadState();
    for (const fill of evaluation.fills) {
      order = bookFill(booking, state, { order, instrument, fill, at: now, priceSource: quote.source, autoSquareOff: args.autoSquareOff === true });
    }
  }
  order = {
    ...order,
    status,
    ...(evaluation.protectionPrice !== undefined && { protectionPrice: new Prisma.Decimal(evaluation.protectionPrice) }),
    ...(evaluation.resting !== undefined && { resting: evaluation.resting }),
    ...(status === 'CANCELLED' && { cancelledQuantity: order.quantity - order.filledQuantity }),
    ...(evaluation.reason !== undefined && (ended || evaluation.fills.length > 0) && { statusMessage: evaluation.reason }),
    priceSource: quote.source,
    updatedAt: booking.at,
  };
  booking.order = order;
  if (ended) releaseRemainder(booking, order, `Margin released: order ${status.toLowerCase()}`);
  return order;
}

/** One engine step for a stored live order inside the account's lock, written in one statement. */
export async function runOrder(tx: Tx, args: StepArgs & { userId: UserId }): Promise<OrderRow> {
  const booking = newBooking({ userId: args.userId, accountId: args.order.accountId, order: args.order });
  const load = () =>
    lockAndLoadBookState(tx, { userId: args.userId, exchange: args.order.exchange, tradingsymbol: args.order.tradingsymbol, product: args.order.product, at: args.now, orderId: args.order.id });
  const order = await stepOrder(booking, args, load);
  if (order === null) return args.order;
  await saveBooking(sqlOf(tx), booking);
  return order;
}

/** Cancels what is left of a live order and releases its block, in one statement. */
export async function cancelOrder(tx: Tx, args: { userId: UserId; order: OrderRow; message: string; releaseNote: string }): Promise<OrderRow> {
  const { order } = args;
  const booking = newBooking({ userId: args.userId, accountId: order.accountId, order });
  booking.order = { ...order, status: 'CANCELLED', cancelledQuantity: order.quantity - order.filledQuantity, statusMessage: args.message, updatedAt: booking.at };
  releaseRemainder(booking, order, args.releaseNote);
  await saveBooking(sqlOf(tx), booking);
  return booking.order;
}
