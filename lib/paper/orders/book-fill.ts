import 'server-only';
import { Decimal } from 'decimal.js';
import type { UserId } from '@/lib/auth/user-id';
import type { Tx } from '@/lib/db/rls';
import type { Instrument } from '@/lib/instruments/find-instrument';
import { istDateString } from '@/lib/market/calendar';
import { computeFillCharges } from '@/lib/paper/charges/compute-charges';
import type { ChargeExchange, ChargeProduct } from '@/lib/paper/charges/types';
import type { Fill } from '@/lib/paper/fills/order';
import { chargeSegmentOf } from './check-order';
import type { OrderRow } from './order-row';

const paise = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const dec = (value: { toString(): string }) => new Decimal(value.toString());

/** The part of an order's block that belongs to its first `filled` units; shares add up exactly. */
export function blockShare(blocked: Decimal, filled: number, quantity: number): Decimal {
  return paise(blocked.mul(filled).div(quantity));
}

export function tradingDayOf(at: Date): Date {
  return new Date(`${istDateString(at)}T00:00:00.000Z`);
}

type Ledger = { kind: 'MARGIN_BLOCK' | 'MARGIN_RELEASE' | 'TRADE_DEBIT' | 'TRADE_CREDIT' | 'CHARGE' | 'SQUARE_OFF_CHARGE'; amount: Decimal; note: string; refId: string };

/**
 * Books one fill of an order inside the account's lock: the fill with its share of the order's
 * charges, the ledger movements, the position, the holding (CNC) and the journal trade. Returns the
 * order's new filled quantity and average price; the caller sets the status.
 *
 * Money: CNC moves the full trade value (delivery is paid for in cash). MIS and NRML keep margin
 * blocked against the open position (ledger rows whose refId is the position) and move only the
 * realised P&L when a position is reduced. Every order first releases the share of its own block
 * that this fill used.
 */
export async function bookFill(
  tx: Tx,
  args: { userId: UserId; accountId: string; order: OrderRow; instrument: Instrument; fill: Fill; at: Date; priceSource: string; autoSquareOff?: boolean },
): Promise<{ filledQuantity: number; averagePrice: Decimal }> {
  const { userId, accountId, order, instrument, fill, at } = args;
  const price = new Decimal(fill.price);
  const quantity = fill.quantity;
  const value = paise(price.mul(quantity));
  const isBuy = order.transactionType === 'BUY';
  const product = order.product as ChargeProduct;

  const previous = order.filledQuantity === 0 ? [] : await tx.paperFill.findMany({ where: { orderId: order.id, userId }, select: { quantity: true, price: true } });
  const isCncSell = product === 'CNC' && !isBuy;
  const dpAlreadyToday =
    isCncSell &&
    (await tx.paperFill.count({
      where: { accountId, userId, exchange: order.exchange, tradingsymbol: order.tradingsymbol, product: 'CNC', transactionType: 'SELL', filledAt: { gte: tradingDayStart(at) }, NOT: { orderId: order.id } },
    })) > 0;
  const charges = computeFillCharges({
    order: {
      tradeDate: order.placedAt,
      exchange: order.exchange as ChargeExchange,
      segment: chargeSegmentOf(instrument),
      product,
      transactionType: order.transactionType as 'BUY' | 'SELL',
      ...(isCncSell && !dpAlreadyToday && { isDeliverySellFromDemat: true }),
      ...(args.autoSquareOff === true && { autoSquareOff: true }),
    },
    previousFills: previous.map((p) => ({ quantity: p.quantity, price: p.price.toString() })),
    fill: { quantity, price: fill.price },
  });

  const created = await tx.paperFill.create({
    data: {
      userId, accountId, orderId: order.id, exchange: order.exchange, tradingsymbol: order.tradingsymbol, product,
      transactionType: order.transactionType, quantity, price: fill.price, charges, chargesTotal: charges.total,
      chargesSource: charges.rateVersion, priceSource: args.priceSource, filledAt: at,
    },
  });

  const ledger: Ledger[] = [];
  const filledBefore = order.filledQuantity;
  const filledAfter = filledBefore + quantity;
  const blocked = dec(order.blockedMargin);
  const release = blockShare(blocked, filledAfter, order.quantity).minus(blockShare(blocked, filledBefore, order.quantity));
  if (release.gt(0)) ledger.push({ kind: 'MARGIN_RELEASE', amount: release, note: `Margin released on fill of ${order.tradingsymbol}`, refId: order.id });

  const position = await openPosition(tx, { userId, accountId, order, at });
  const q0 = position.quantity;
  const signed = isBuy ? quantity : -quantity;
  const closing = q0 !== 0 && Math.sign(q0) !== Math.sign(signed) ? Math.min(Math.abs(q0), quantity) : 0;
  const opening = quantity - closing;
  const avg = dec(position.averagePrice);
  let realised = new Decimal(0);
  if (closing > 0) realised = paise((q0 > 0 ? price.minus(avg) : avg.minus(price)).mul(closing));

  if (product === 'CNC') {
    ledger.push(isBuy
      ? { kind: 'TRADE_DEBIT', amount: value.neg(), note: `Bought ${quantity} ${order.tradingsymbol} @ ${fill.price}`, refId: created.id }
      : { kind: 'TRADE_CREDIT', amount: value, note: `Sold ${quantity} ${order.tradingsymbol} @ ${fill.price}`, refId: created.id });
    if (isCncSell && opening > 0) realised = realised.plus(await sellFromHolding(tx, { userId, accountId, order, quantity: opening, price }));
    if (isBuy) await addToHolding(tx, { userId, accountId, order, quantity, price });
    else if (closing > 0) await reduceT1(tx, { userId, accountId, order, quantity: closing });
  } else {
    if (opening > 0) {
      const positionBlock = paise(release.mul(opening).div(quantity));
      if (positionBlock.gt(0)) ledger.push({ kind: 'MARGIN_BLOCK', amount: positionBlock.neg(), note: `Margin for ${order.product} position in ${order.tradingsymbol}`, refId: position.id });
    }
    if (closing > 0) {
      const held = await positionMargin(tx, userId, position.id);
      const releasePosition = closing === Math.abs(q0) ? held : paise(held.mul(closing).div(Math.abs(q0)));
      if (releasePosition.gt(0)) ledger.push({ kind: 'MARGIN_RELEASE', amount: releasePosition, note: `Margin released as ${order.tradingsymbol} position is reduced`, refId: position.id });
      if (!realised.isZero()) {
        ledger.push({ kind: realised.gt(0) ? 'TRADE_CREDIT' : 'TRADE_DEBIT', amount: realised, note: `Realised P&L on ${closing} ${order.tradingsymbol}`, refId: created.id });
      }
    }
  }

  const squareOff = charges.squareoff_charge !== undefined ? paise(new Decimal(charges.squareoff_charge).mul('1.18')) : new Decimal(0);
  const otherCharges = new Decimal(charges.total).minus(squareOff);
  if (otherCharges.gt(0)) ledger.push({ kind: 'CHARGE', amount: otherCharges.neg(), note: `Charges on ${order.tradingsymbol} fill`, refId: created.id });
  if (squareOff.gt(0)) ledger.push({ kind: 'SQUARE_OFF_CHARGE', amount: squareOff.neg(), note: 'Auto square-off charge (₹50 + GST)', refId: created.id });

  await tx.ledgerEntry.createMany({
    data: ledger.map((entry) => ({ userId, accountId, kind: entry.kind, amount: entry.amount.toFixed(2), note: entry.note, refId: entry.refId })),
  });

  let newAvg = avg;
  if (opening > 0) newAvg = closing > 0 || q0 === 0 ? price : avg.mul(Math.abs(q0)).plus(price.mul(opening)).div(Math.abs(q0) + opening);
  await tx.paperPosition.update({
    where: { id: position.id },
    data: {
      quantity: q0 + signed,
      averagePrice: newAvg.toDecimalPlaces(4).toFixed(4),
      realisedPnl: dec(position.realisedPnl).plus(realised).toFixed(2),
      ...(isBuy
        ? { buyQuantity: { increment: quantity }, buyValue: dec(position.buyValue).plus(price.mul(quantity)).toFixed(4) }
        : { sellQuantity: { increment: quantity }, sellValue: dec(position.sellValue).plus(price.mul(quantity)).toFixed(4) }),
    },
  });

  await tx.journalTrade.create({
    data: {
      userId, source: 'PAPER', sourceRef: order.id, dedupeKey: created.id, exchange: order.exchange, tradingsymbol: order.tradingsymbol,
      transactionType: order.transactionType, quantity, price: fill.price, product, tradedAt: at,
    },
  });

  const prevAvg = order.averagePrice === null ? new Decimal(0) : dec(order.averagePrice);
  const averagePrice = prevAvg.mul(filledBefore).plus(price.mul(quantity)).div(filledAfter).toDecimalPlaces(4);
  return { filledQuantity: filledAfter, averagePrice };
}

function tradingDayStart(at: Date): Date {
  return new Date(tradingDayOf(at).getTime() - 330 * 60 * 1000);
}

async function openPosition(tx: Tx, args: { userId: UserId; accountId: string; order: OrderRow; at: Date }) {
  const key = { accountId: args.accountId, exchange: args.order.exchange, tradingsymbol: args.order.tradingsymbol, product: args.order.product };
  // An overnight NRML (or a carried CNC) position keeps its row until it is closed.
  const carried = await tx.paperPosition.findFirst({ where: { ...key, userId: args.userId, NOT: { quantity: 0 } }, orderBy: { tradingDay: 'desc' } });
  if (carried) return carried;
  const tradingDay = tradingDayOf(args.at);
  return tx.paperPosition.upsert({
    where: { accountId_exchange_tradingsymbol_product_tradingDay: { ...key, tradingDay } },
    create: { ...key, userId: args.userId, tradingDay, quantity: 0 },
    update: {},
  });
}

async function positionMargin(tx: Tx, userId: UserId, positionId: string): Promise<Decimal> {
  const sum = await tx.ledgerEntry.aggregate({ where: { userId, refId: positionId, kind: { in: ['MARGIN_BLOCK', 'MARGIN_RELEASE'] } }, _sum: { amount: true } });
  return new Decimal(sum._sum.amount?.toString() ?? '0').neg();
}

async function addToHolding(tx: Tx, args: { userId: UserId; accountId: string; order: OrderRow; quantity: number; price: Decimal }) {
  const key = { accountId: args.accountId, exchange: args.order.exchange, tradingsymbol: args.order.tradingsymbol };
  const existing = await tx.paperHolding.findFirst({ where: { ...key, userId: args.userId } });
  if (!existing) {
    await tx.paperHolding.create({ data: { ...key, userId: args.userId, quantity: 0, t1Quantity: args.quantity, averagePrice: args.price.toFixed(4) } });
    return;
  }
  const held = existing.quantity + existing.t1Quantity;
  const avg = dec(existing.averagePrice).mul(held).plus(args.price.mul(args.quantity)).div(held + args.quantity);
  await tx.paperHolding.update({ where: { id: existing.id }, data: { t1Quantity: { increment: args.quantity }, averagePrice: avg.toDecimalPlaces(4).toFixed(4) } });
}

/** A CNC sell that closes today's CNC buy undoes that buy's T1 quantity. */
async function reduceT1(tx: Tx, args: { userId: UserId; accountId: string; order: OrderRow; quantity: number }) {
  const existing = await tx.paperHolding.findFirst({ where: { accountId: args.accountId, userId: args.userId, exchange: args.order.exchange, tradingsymbol: args.order.tradingsymbol } });
  if (!existing) return;
  const fromT1 = Math.min(existing.t1Quantity, args.quantity);
  const fromSettled = Math.min(existing.quantity, args.quantity - fromT1);
  await tx.paperHolding.update({ where: { id: existing.id }, data: { t1Quantity: { decrement: fromT1 }, quantity: { decrement: fromSettled } } });
}

/** A CNC sell from demat: takes settled shares first and returns the realised P&L against their average. */
async function sellFromHolding(tx: Tx, args: { userId: UserId; accountId: string; order: OrderRow; quantity: number; price: Decimal }): Promise<Decimal> {
  const existing = await tx.paperHolding.findFirst({ where: { accountId: args.accountId, userId: args.userId, exchange: args.order.exchange, tradingsymbol: args.order.tradingsymbol } });
  if (!existing) return new Decimal(0);
  const fromSettled = Math.min(existing.quantity, args.quantity);
  const fromT1 = Math.min(existing.t1Quantity, args.quantity - fromSettled);
  await tx.paperHolding.update({ where: { id: existing.id }, data: { quantity: { decrement: fromSettled }, t1Quantity: { decrement: fromT1 } } });
  return paise(args.price.minus(dec(existing.averagePrice)).mul(fromSettled + fromT1));
}
