import { Decimal } from 'decimal.js';
import type { Instrument } from '@/lib/instruments/find-instrument';
import { computeFillCharges } from '@/lib/paper/charges/compute-charges';
import { computeCncFillCharges } from '@/lib/paper/charges/same-day-cnc';
import type { ChargeBreakdown, ChargeExchange, ChargeProduct } from '@/lib/paper/charges/types';
import type { Fill } from '@/lib/paper/fills/order';
import { Prisma } from '@/prisma/generated/client';
import type { BookState, HoldingState } from './book-state';
import { chargeSegmentOf } from './check-order';
import type { OrderRow } from './order-row';
import { addLedger, type Booking } from './save-booking';

const paise = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const dec = (value: { toString(): string }) => new Decimal(value.toString());

/** The part of an order's block that belongs to its first `filled` units; shares add up exactly. */
export function blockShare(blocked: Decimal, filled: number, quantity: number): Decimal {
  return paise(blocked.mul(filled).div(quantity));
}

/**
 * The block to store on an order modified after `filled` of its `quantity` units filled, so that
 * what it still holds, block − blockShare(block, filled, quantity), is exactly `remainder` (the
 * margin and charges of the unfilled units). Later fills then release their shares of it with
 * blockShare as usual, and the last one (or the cancel) releases the rest. The filled units' share
 * of the returned block counts as already released: it is a rate for the whole order, not money
 * that was ever blocked.
 */
export function rebasedBlock(remainder: Decimal, filled: number, quantity: number): Decimal {
  if (filled === 0) return remainder;
  // x = remainder × filled / (quantity − filled), rounded to the paisa; then blockShare(remainder
  // + x, filled, quantity) = x + e with |e| < half a paisa, which rounds back to x.
  return remainder.plus(paise(remainder.mul(filled).div(quantity - filled)));
}

/**
 * Books one fill of an order into `booking` and moves `state` on (pure: nothing is written until
 * the booking is saved): the fill with its share of the order's charges, the ledger movements,
 * the position, the holding (CNC) and the journal trade. Returns the order with its new filled
 * quantity and average price; the caller sets the status.
 *
 * Money: CNC moves the full trade value (delivery is paid for in cash). MIS and NRML keep margin
 * blocked against the open position (ledger rows whose refId is the position) and move only the
 * realised P&L when a position is reduced. Every order first releases the share of its own block
 * that this fill used.
 *
 * CNC fills are charged by computeCncFillCharges: a sell's units that close CNC buys of the same
 * IST day are billed intraday, and the correction to those buys (charged at delivery rates when
 * they filled) rides on the sell fill as `buy_leg_adjustment`, inside its chargesTotal, with a
 * CHARGE ledger entry of its own. `charges` replaces the computed charges (expiry settlement).
 */
export function bookFill(
  booking: Booking,
  state: BookState,
  args: { order: OrderRow; instrument: Instrument; fill: Fill; at: Date; priceSource: string; autoSquareOff?: boolean; charges?: ChargeBreakdown; note?: string },
): OrderRow {
  const { order, instrument, fill, at } = args;
  const price = new Decimal(fill.price);
  const quantity = fill.quantity;
  const value = paise(price.mul(quantity));
  const isBuy = order.transactionType === 'BUY';
  const product = order.product as ChargeProduct;
  const isCncSell = product === 'CNC' && !isBuy;

  const transactionType = order.transactionType as 'BUY' | 'SELL';
  const charges =
    args.charges ??
    (product === 'CNC'
      ? computeCncFillCharges({
          order: { id: order.id, tradeDate: order.placedAt, exchange: order.exchange as 'NSE' | 'BSE', transactionType },
          previousFills: state.previousFills,
          fill: { quantity, price: fill.price },
          dayBuys: state.dayBuys,
          matched: state.dayMatched,
          dpPaidToday: state.dpChargedToday,
        })
      : computeFillCharges({
          order: {
            tradeDate: order.placedAt,
            exchange: order.exchange as ChargeExchange,
            segment: chargeSegmentOf(instrument),
            product,
            transactionType,
            ...(args.autoSquareOff === true && { autoSquareOff: true }),
          },
          previousFills: state.previousFills,
          fill: { quantity, price: fill.price },
        }));
  const intraday = charges.intraday_quantity ?? 0;
  state.previousFills.push({ quantity, price: fill.price, intraday, dp: new Decimal(charges.dp_charges ?? 0).gt(0) });
  if (product === 'CNC' && isBuy) state.dayBuys.push({ orderId: order.id, quantity, price: fill.price });
  state.dayMatched += intraday;

  const fillId = crypto.randomUUID();
  booking.fills.push({
    id: fillId, userId: booking.userId, accountId: booking.accountId, orderId: order.id, exchange: order.exchange, tradingsymbol: order.tradingsymbol,
    product, transactionType: order.transactionType, quantity, price: fill.price, charges, chargesTotal: charges.total,
    chargesSource: charges.rateVersion, priceSource: args.priceSource, filledAt: at,
  });

  const ledger = (kind: Parameters<typeof addLedger>[1]['kind'], amount: Decimal, note: string, refId: string) => {
    addLedger(booking, { kind, amount: amount.toFixed(2), note, refId });
    state.cash = state.cash.plus(amount);
  };
  const filledBefore = order.filledQuantity;
  const filledAfter = filledBefore + quantity;
  const blocked = dec(order.blockedMargin);
  const release = blockShare(blocked, filledAfter, order.quantity).minus(blockShare(blocked, filledBefore, order.quantity));
  if (release.gt(0)) ledger('MARGIN_RELEASE', release, `Margin released on fill of ${order.tradingsymbol}`, order.id);

  const position = state.position;
  booking.position = position;
  const q0 = position.quantity;
  const signed = isBuy ? quantity : -quantity;
  const closing = q0 !== 0 && Math.sign(q0) !== Math.sign(signed) ? Math.min(Math.abs(q0), quantity) : 0;
  const opening = quantity - closing;
  const avg = position.averagePrice;
  let realised = new Decimal(0);
  if (closing > 0) realised = paise((q0 > 0 ? price.minus(avg) : avg.minus(price)).mul(closing));

  if (product === 'CNC') {
    if (isBuy) ledger('TRADE_DEBIT', value.neg(), `Bought ${quantity} ${order.tradingsymbol} @ ${fill.price}`, fillId);
    else ledger('TRADE_CREDIT', value, `Sold ${quantity} ${order.tradingsymbol} @ ${fill.price}`, fillId);
    if (isCncSell && opening > 0 && state.holding) realised = realised.plus(paise(price.minus(state.holding.averagePrice).mul(opening)));
    if (isBuy) addToHolding(booking, state, quantity, price);
    else sellFromHolding(booking, state, intraday, quantity - intraday);
  } else {
    if (opening > 0) {
      const positionBlock = paise(release.mul(opening).div(quantity));
      if (positionBlock.gt(0)) {
        ledger('MARGIN_BLOCK', positionBlock.neg(), `Margin for ${order.product} position in ${order.tradingsymbol}`, position.id);
        position.margin = position.margin.plus(positionBlock);
      }
    }
    if (closing > 0) {
      const held = position.margin;
      const releasePosition = closing === Math.abs(q0) ? held : paise(held.mul(closing).div(Math.abs(q0)));
      if (releasePosition.gt(0)) {
        ledger('MARGIN_RELEASE', releasePosition, `Margin released as ${order.tradingsymbol} position is reduced`, position.id);
        position.margin = position.margin.minus(releasePosition);
      }
      if (!realised.isZero()) ledger(realised.gt(0) ? 'TRADE_CREDIT' : 'TRADE_DEBIT', realised, `Realised P&L on ${closing} ${order.tradingsymbol}`, fillId);
    }
  }

  const squareOff = charges.squareoff_charge !== undefined ? paise(new Decimal(charges.squareoff_charge).mul('1.18')) : new Decimal(0);
  const rebill = new Decimal(charges.buy_leg_adjustment?.total ?? 0);
  const otherCharges = new Decimal(charges.total).minus(squareOff).minus(rebill);
  if (otherCharges.gt(0)) ledger('CHARGE', otherCharges.neg(), args.note ?? `Charges on ${order.tradingsymbol} fill`, fillId);
  if (!rebill.isZero()) {
    ledger('CHARGE', rebill.neg(), `Today's CNC buy of ${intraday} ${order.tradingsymbol} sold the same day: re-billed at intraday rates`, fillId);
  }
  if (squareOff.gt(0)) ledger('SQUARE_OFF_CHARGE', squareOff.neg(), 'Auto square-off charge (₹50 + GST)', fillId);

  if (opening > 0) position.averagePrice = closing > 0 || q0 === 0 ? price : avg.mul(Math.abs(q0)).plus(price.mul(opening)).div(Math.abs(q0) + opening).toDecimalPlaces(4);
  position.quantity = q0 + signed;
  position.realisedPnl = position.realisedPnl.plus(realised);
  if (isBuy) {
    position.buyQuantity += quantity;
    position.buyValue = position.buyValue.plus(price.mul(quantity));
  } else {
    position.sellQuantity += quantity;
    position.sellValue = position.sellValue.plus(price.mul(quantity));
  }

  booking.journal.push({
    id: crypto.randomUUID(), userId: booking.userId, source: 'PAPER', sourceRef: order.id, dedupeKey: fillId, exchange: order.exchange,
    tradingsymbol: order.tradingsymbol, transactionType: order.transactionType, quantity, price: fill.price, product, tradedAt: at, createdAt: booking.at,
  });

  const prevAvg = order.averagePrice === null ? new Decimal(0) : dec(order.averagePrice);
  const averagePrice = prevAvg.mul(filledBefore).plus(price.mul(quantity)).div(filledAfter).toDecimalPlaces(4);
  return { ...order, filledQuantity: filledAfter, averagePrice: new Prisma.Decimal(averagePrice.toFixed(4)) };
}

function touchHolding(booking: Booking, state: BookState, holding: HoldingState): HoldingState {
  state.holding = holding;
  booking.holding = holding;
  return holding;
}

function addToHolding(booking: Booking, state: BookState, quantity: number, price: Decimal): void {
  const existing = state.holding;
  if (!existing) {
    touchHolding(booking, state, { id: crypto.randomUUID(), isNew: true, quantity: 0, t1Quantity: quantity, averagePrice: price });
    return;
  }
  const held = existing.quantity + existing.t1Quantity;
  const avg = held + quantity === 0 ? price : existing.averagePrice.mul(held).plus(price.mul(quantity)).div(held + quantity);
  touchHolding(booking, state, { ...existing, t1Quantity: existing.t1Quantity + quantity, averagePrice: avg.toDecimalPlaces(4) });
}

/**
 * A CNC sell takes shares out of the holding: the units that close today's buys (billed intraday)
 * undo those buys' T1 quantity first; the rest come from demat, settled shares first.
 */
function sellFromHolding(booking: Booking, state: BookState, sameDay: number, fromDemat: number): void {
  const existing = state.holding;
  if (!existing) return;
  let t1 = existing.t1Quantity;
  let settled = existing.quantity;
  const take = (from: 't1' | 'settled', wanted: number) => {
    const taken = Math.min(from === 't1' ? t1 : settled, wanted);
    if (from === 't1') t1 -= taken;
    else settled -= taken;
    return wanted - taken;
  };
  take('settled', take('t1', sameDay));
  take('t1', take('settled', fromDemat));
  touchHolding(booking, state, { ...existing, quantity: settled, t1Quantity: t1 });
}
