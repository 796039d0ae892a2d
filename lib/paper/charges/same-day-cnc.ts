import type { IstDate } from '@/lib/market/calendar/ist';
import { addAmounts, amountsFor, cumulative, subtract, toBreakdown, totalOf, type Amounts } from './compute-charges';
import { money, rupeeString, type MoneyInput } from './money';
import { rateTableFor, type RateTable } from './rates';
import type { ChargeAdjustment, ChargeBreakdown, Execution, OrderChargeContext, TransactionType } from './types';

// Zerodha bills the part of a CNC sell that closes CNC buys of the same IST day as intraday
// (paper-trading.md §4.2): the day's buys and sells of a scrip are netted, and only what is left
// is delivery. Model: a CNC order's units are split into an intraday part, billed as an MIS order
// would be (0.03% or ₹20 brokerage per executed order, STT 0.025% on the sell only, stamp 0.003%
// on the buy), and a delivery part billed as before (DP once per scrip per day, and only when a
// sell takes shares from demat). Each part is rounded as an order of its own, so a round trip
// that is all intraday costs exactly what the same MIS round trip costs.
//
// Which buys a sell closes: the day's CNC buy fills of the scrip, first in first out. Those buys
// were charged at delivery rates when they filled, and fills are never rewritten, so the sell fill
// carries the correction (`buy_leg_adjustment`): the matched buy orders' charges re-computed with
// those units intraday, minus what they were. The sell fill's total (its chargesTotal) includes
// the correction and the ledger books it as a CHARGE entry of its own, so ledger charges still
// equal the fills' charges. A buy order's later fills are charged against its re-billed split, so
// its charges stay the split of all its fills. Fills of a buy order on an earlier day (an order
// outliving its day) are not part of a re-bill: at most a paisa of rounding.

type CncContext = { tradeDate: Date | IstDate; exchange: 'NSE' | 'BSE'; transactionType: TransactionType };

/** A CNC order's units by how they are billed; `dp` charges the order the day's DP (sells). */
export type CncSplit = { intraday: readonly Execution[]; delivery: readonly Execution[]; dp?: boolean };

/** One CNC buy fill of the day on the scrip (any order's), in fill order. */
export type DayBuy = { orderId: string; quantity: number; price: MoneyInput };

/** An earlier fill of the order being charged: for sells, its intraday units and whether it paid DP. */
export type CncPreviousFill = Execution & { intraday?: number; dp?: boolean };

function contextFor(ctx: CncContext, product: 'MIS' | 'CNC', dp: boolean): OrderChargeContext {
  return {
    tradeDate: ctx.tradeDate,
    exchange: ctx.exchange,
    segment: 'EQ',
    product,
    transactionType: ctx.transactionType,
    ...(dp && product === 'CNC' && ctx.transactionType === 'SELL' && { isDeliverySellFromDemat: true }),
  };
}

function partAmounts(ctx: CncContext, table: RateTable, product: 'MIS' | 'CNC', fills: readonly Execution[], dp: boolean): Amounts {
  const { quantity, turnover } = cumulative(fills.filter((fill) => fill.quantity > 0));
  return amountsFor(contextFor(ctx, product, dp), table, quantity, turnover);
}

function splitAmounts(ctx: CncContext, table: RateTable, split: CncSplit): Amounts {
  return addAmounts(partAmounts(ctx, table, 'MIS', split.intraday, false), partAmounts(ctx, table, 'CNC', split.delivery, split.dp === true));
}

/** Charges of a whole CNC order whose units are split into an intraday and a delivery part. */
export function computeCncOrderCharges(ctx: CncContext, split: CncSplit): ChargeBreakdown {
  const table = rateTableFor(ctx.tradeDate);
  return toBreakdown(contextFor(ctx, 'CNC', split.dp === true), table, splitAmounts(ctx, table, split));
}

/** A buy order's split when the first `matched` units of the day's buys are intraday; `older` fills are delivery. */
function buyOrderSplit(dayBuys: readonly DayBuy[], orderId: string, matched: number, older: readonly Execution[] = []): CncSplit {
  const intraday: Execution[] = [];
  const delivery: Execution[] = [...older];
  let start = 0;
  for (const buy of dayBuys) {
    const end = start + buy.quantity;
    if (buy.orderId === orderId) {
      const inside = Math.max(0, Math.min(end, matched) - start);
      if (inside > 0) intraday.push({ quantity: inside, price: buy.price });
      if (buy.quantity > inside) delivery.push({ quantity: buy.quantity - inside, price: buy.price });
    }
    start = end;
  }
  return { intraday, delivery };
}

/** Re-bills the day's buys in [matched, matched + quantity) (FIFO) as intraday: the change to their orders' charges. */
function rebillBuys(ctx: CncContext, table: RateTable, dayBuys: readonly DayBuy[], matched: number, quantity: number): ChargeAdjustment {
  const buy: CncContext = { ...ctx, transactionType: 'BUY' };
  const orders = new Set<string>();
  let start = 0;
  for (const fill of dayBuys) {
    const end = start + fill.quantity;
    if (end > matched && start < matched + quantity) orders.add(fill.orderId);
    start = end;
  }
  let change = partAmounts(buy, table, 'CNC', [], false);
  for (const orderId of orders) {
    const before = splitAmounts(buy, table, buyOrderSplit(dayBuys, orderId, matched));
    const after = splitAmounts(buy, table, buyOrderSplit(dayBuys, orderId, matched + quantity));
    change = addAmounts(change, subtract(after, before));
  }
  return {
    quantity,
    brokerage: rupeeString(change.brokerage),
    transaction_tax: rupeeString(change.stt),
    exchange_turnover_charge: rupeeString(change.exchange),
    sebi_turnover_charge: rupeeString(change.sebi),
    stamp_duty: rupeeString(change.stamp),
    gst: rupeeString(change.gst),
    total: rupeeString(totalOf(change)),
  };
}

/**
 * The charges of one fill of a CNC order (NSE/BSE equity), with same-day buys and sells billed as
 * intraday (see the top of this file). With no same-day match it equals computeFillCharges of a
 * delivery order, DP included on the first sell from demat of the scrip that day.
 *
 * - `dayBuys`: the day's CNC buy fills of the scrip before this fill, oldest first;
 * - `matched`: how many units at the head of `dayBuys` earlier sells already closed;
 * - `dpPaidToday`: another order already paid the scrip's DP charge today.
 *
 * A sell's `intraday_quantity` is min(fill, dayBuys − matched); add it to `matched` afterwards.
 */
export function computeCncFillCharges(args: {
  order: CncContext & { id: string };
  previousFills: readonly CncPreviousFill[];
  fill: Execution;
  dayBuys: readonly DayBuy[];
  matched: number;
  dpPaidToday: boolean;
}): ChargeBreakdown {
  const { order, fill, previousFills } = args;
  const table = rateTableFor(order.tradeDate);
  if (order.transactionType === 'BUY') {
    // A buy's units are unmatched when it fills (sells close earlier buys only); earlier matches of its own units stay intraday.
    const today = args.dayBuys.filter((buy) => buy.orderId === order.id).length;
    const before = buyOrderSplit(args.dayBuys, order.id, args.matched, previousFills.slice(0, Math.max(0, previousFills.length - today)));
    const after: CncSplit = { ...before, delivery: [...before.delivery, fill] };
    return toBreakdown(contextFor(order, 'CNC', false), table, subtract(splitAmounts(order, table, after), splitAmounts(order, table, before)));
  }

  const bought = args.dayBuys.reduce((sum, buy) => sum + buy.quantity, 0);
  const intraday = Math.min(fill.quantity, Math.max(0, bought - args.matched));
  const delivery = fill.quantity - intraday;
  const before: CncSplit = {
    intraday: previousFills.map((f) => ({ quantity: f.intraday ?? 0, price: f.price })),
    delivery: previousFills.map((f) => ({ quantity: f.quantity - (f.intraday ?? 0), price: f.price })),
    dp: previousFills.some((f) => f.dp === true),
  };
  const fromDemat = delivery > 0 || before.delivery.some((f) => f.quantity > 0);
  const after: CncSplit = {
    intraday: [...before.intraday, { quantity: intraday, price: fill.price }],
    delivery: [...before.delivery, { quantity: delivery, price: fill.price }],
    dp: before.dp === true || (fromDemat && !args.dpPaidToday),
  };
  const own = toBreakdown(contextFor(order, 'CNC', after.dp === true), table, subtract(splitAmounts(order, table, after), splitAmounts(order, table, before)));
  if (intraday === 0) return own;
  const adjustment = rebillBuys(order, table, args.dayBuys, args.matched, intraday);
  return { ...own, intraday_quantity: intraday, buy_leg_adjustment: adjustment, total: rupeeString(money(own.total).plus(adjustment.total)) };
}
