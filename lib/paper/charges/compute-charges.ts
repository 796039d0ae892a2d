import type Decimal from 'decimal.js';
import { money, pct, roundPaise, roundRupee, rupeeString, ZERO } from './money';
import { rateTableFor, type ChargeCategory, type ChargeVenue, type RateTable } from './rates';
import type { ChargeBreakdown, ChargeExchange, Execution, OrderChargeContext } from './types';

// Zerodha charges per executed order, not per fill: one order filled in three parts pays
// brokerage once and hits the ₹20 cap once. So charges are a function of the order's cumulative
// quantity and turnover, and a fill's share is the difference between the order's charges
// after the fill and before it. The shares of all fills then add up to the order's charges to
// the paisa, whatever the fill sizes (see computeFillCharges).
//
// Rounding: each component is rounded on the order's cumulative turnover (STT/CTT to the rupee,
// everything else to the paisa, both half-up), then GST is 18% of the rounded GST base. Zerodha's
// real contract note aggregates per scrip per day, so STT there can differ from ours by ₹1.

/** One order's charges component by component, before they are formatted (signed for adjustments). */
export type Amounts = {
  brokerage: Decimal;
  stt: Decimal;
  exchange: Decimal;
  sebi: Decimal;
  stamp: Decimal;
  dp: Decimal;
  squareOff: Decimal;
  gst: Decimal;
};

const VENUE: Record<ChargeExchange, ChargeVenue> = { NSE: 'NSE', BSE: 'BSE', NFO: 'NSE', BFO: 'BSE' };

function categoryOf(order: OrderChargeContext): ChargeCategory {
  const { exchange, segment, product, transactionType } = order;
  const cashExchange = exchange === 'NSE' || exchange === 'BSE';
  if (segment === 'EQ') {
    if (!cashExchange) throw new RangeError(`Equity trades on NSE or BSE, not ${exchange}`);
    if (product === 'NRML') throw new RangeError('NRML is an F&O product; equity is CNC or MIS');
  } else {
    if (cashExchange) throw new RangeError(`F&O trades on NFO or BFO, not ${exchange}`);
    if (product === 'CNC') throw new RangeError('CNC is an equity product; F&O is MIS or NRML');
  }
  if (order.isDeliverySellFromDemat && !(segment === 'EQ' && product === 'CNC' && transactionType === 'SELL')) {
    throw new RangeError('DP charges apply only to CNC equity sells');
  }
  if (order.autoSquareOff && product !== 'MIS') throw new RangeError('Only MIS positions are auto squared off');
  if (segment === 'FUT') return 'futures';
  if (segment === 'OPT') return 'options';
  return product === 'CNC' ? 'delivery' : 'intraday';
}

function checkExecution(execution: Execution): Decimal {
  const { quantity } = execution;
  if (!Number.isSafeInteger(quantity) || quantity <= 0) {
    throw new RangeError(`Quantity must be a positive whole number, got ${quantity}`);
  }
  const price = money(execution.price);
  if (price.isNegative()) throw new RangeError(`Price must not be negative, got ${price.toString()}`);
  return price.times(quantity);
}

export function amountsFor(order: OrderChargeContext, table: RateTable, quantity: number, turnover: Decimal): Amounts {
  const category = categoryOf(order);
  if (quantity === 0) {
    return { brokerage: ZERO, stt: ZERO, exchange: ZERO, sebi: ZERO, stamp: ZERO, dp: ZERO, squareOff: ZERO, gst: ZERO };
  }
  const rates = table.categories[category];
  const venue = VENUE[order.exchange];
  const isBuy = order.transactionType === 'BUY';

  const rule = rates.brokerage;
  let brokerage = ZERO;
  if (rule.kind === 'flat') brokerage = money(rule.amount);
  if (rule.kind === 'percentCapped') brokerage = roundPaise(turnover.times(pct(rule.pct)).clampedTo(0, money(rule.cap)));

  const stt = roundRupee(turnover.times(pct(isBuy ? rates.sttBuyPct : rates.sttSellPct)));
  const exchange = roundPaise(turnover.times(pct(rates.exchangeTxnPct[venue]).plus(pct(rates.ipftPct[venue]))));
  const sebi = roundPaise(turnover.times(pct(table.sebiPct)));
  const stamp = isBuy ? roundPaise(turnover.times(pct(rates.stampBuyPct))) : ZERO;
  const dp = order.isDeliverySellFromDemat ? money(table.dpChargePerScrip) : ZERO;
  const squareOff = order.autoSquareOff ? money(table.autoSquareOffCharge) : ZERO;
  const gst = roundPaise(brokerage.plus(exchange).plus(sebi).plus(dp).plus(squareOff).times(pct(table.gstPct)));
  return { brokerage, stt, exchange, sebi, stamp, dp, squareOff, gst };
}

export function subtract(after: Amounts, before: Amounts): Amounts {
  return {
    brokerage: after.brokerage.minus(before.brokerage),
    stt: after.stt.minus(before.stt),
    exchange: after.exchange.minus(before.exchange),
    sebi: after.sebi.minus(before.sebi),
    stamp: after.stamp.minus(before.stamp),
    dp: after.dp.minus(before.dp),
    squareOff: after.squareOff.minus(before.squareOff),
    gst: after.gst.minus(before.gst),
  };
}

export function addAmounts(a: Amounts, b: Amounts): Amounts {
  return {
    brokerage: a.brokerage.plus(b.brokerage),
    stt: a.stt.plus(b.stt),
    exchange: a.exchange.plus(b.exchange),
    sebi: a.sebi.plus(b.sebi),
    stamp: a.stamp.plus(b.stamp),
    dp: a.dp.plus(b.dp),
    squareOff: a.squareOff.plus(b.squareOff),
    gst: a.gst.plus(b.gst),
  };
}

export function totalOf(a: Amounts): Decimal {
  return a.brokerage.plus(a.stt).plus(a.exchange).plus(a.sebi).plus(a.stamp).plus(a.dp).plus(a.squareOff).plus(a.gst);
}

export function toBreakdown(order: OrderChargeContext, table: RateTable, a: Amounts): ChargeBreakdown {
  const total = totalOf(a);
  const breakdown: ChargeBreakdown = {
    brokerage: rupeeString(a.brokerage),
    transaction_tax: rupeeString(a.stt),
    transaction_tax_type: 'stt',
    exchange_turnover_charge: rupeeString(a.exchange),
    sebi_turnover_charge: rupeeString(a.sebi),
    stamp_duty: rupeeString(a.stamp),
    // Kite reports the whole GST as IGST for most accounts; we do the same.
    gst: { igst: rupeeString(a.gst), cgst: '0.00', sgst: '0.00', rate: money(table.gstPct).toString(), total: rupeeString(a.gst) },
    total: rupeeString(total),
    rateVersion: table.id,
  };
  if (order.isDeliverySellFromDemat) breakdown.dp_charges = rupeeString(a.dp);
  if (order.autoSquareOff) breakdown.squareoff_charge = rupeeString(a.squareOff);
  return breakdown;
}

export function cumulative(fills: readonly Execution[]): { quantity: number; turnover: Decimal } {
  let quantity = 0;
  let turnover = ZERO;
  for (const fill of fills) {
    turnover = turnover.plus(checkExecution(fill));
    quantity += fill.quantity;
  }
  if (!Number.isSafeInteger(quantity)) throw new RangeError('Total quantity is too large');
  return { quantity, turnover };
}

/** Charges of a whole executed order from its fills (an order with no fills costs nothing). */
export function computeOrderCharges(order: OrderChargeContext, fills: readonly Execution[]): ChargeBreakdown {
  const table = rateTableFor(order.tradeDate);
  const { quantity, turnover } = cumulative(fills);
  return toBreakdown(order, table, amountsFor(order, table, quantity, turnover));
}

/** Charges of an order executed in full in one fill. */
export function computeCharges(input: OrderChargeContext & Execution): ChargeBreakdown {
  const { quantity, price, ...order } = input;
  return computeOrderCharges(order, [{ quantity, price }]);
}

/**
 * The share of an order's charges that a new fill adds: charges(previous + fill) minus
 * charges(previous), component by component. Store it on the fill; the stored shares of an
 * order's fills always sum to computeOrderCharges(order, allFills). Every component is
 * non-decreasing in turnover, so no share is negative. All fills of an order use the rate table
 * of `order.tradeDate` (pass the first fill's time; an order does not outlive its day).
 */
export function computeFillCharges(args: {
  order: OrderChargeContext;
  previousFills: readonly Execution[];
  fill: Execution;
}): ChargeBreakdown {
  const { order, previousFills, fill } = args;
  const table = rateTableFor(order.tradeDate);
  const before = cumulative(previousFills);
  const after = cumulative([...previousFills, fill]);
  const delta = subtract(
    amountsFor(order, table, after.quantity, after.turnover),
    amountsFor(order, table, before.quantity, before.turnover),
  );
  return toBreakdown(order, table, delta);
}
