import Decimal from 'decimal.js';
import type { Instrument } from '@/lib/instruments/find-instrument';
import { isExpired } from '@/lib/instruments/contract-expired';
import { isMarketOpen, type CalendarExchange } from '@/lib/market/calendar';
import type { InstrumentType } from '@/lib/paper/fills/order';
import { isOnTick } from '@/lib/paper/fills/tick-size';
import { validateStopOrder } from '@/lib/paper/fills/validate-order';
import type { ChargeSegment } from '@/lib/paper/charges/types';

export type OrderShape = {
  exchange: string;
  transaction_type: 'BUY' | 'SELL';
  order_type: 'MARKET' | 'LIMIT' | 'SL' | 'SL-M';
  product: 'CNC' | 'MIS' | 'NRML';
  quantity: number;
  price?: string | undefined;
  trigger_price?: string | undefined;
};

export type FieldProblems = Record<string, string[]>;

export function chargeSegmentOf(instrument: Pick<Instrument, 'instrumentType'>): ChargeSegment {
  if (instrument.instrumentType === 'FUT') return 'FUT';
  if (instrument.instrumentType === 'CE' || instrument.instrumentType === 'PE') return 'OPT';
  return 'EQ';
}

export function fillInstrumentType(instrument: Pick<Instrument, 'instrumentType'>): InstrumentType {
  const type = instrument.instrumentType;
  return type === 'FUT' || type === 'CE' || type === 'PE' ? type : 'EQ';
}

/**
 * The input checks Kite makes before an order reaches the exchange, as field errors: the order is
 * refused (4xx) and nothing is stored or blocked. RMS checks that depend on the account (funds,
 * holdings) happen later, inside the account's lock, and produce a REJECTED order instead.
 */
export function checkOrder(order: OrderShape, instrument: Instrument, lastPrice: string | null, at: Date): FieldProblems {
  const problems: FieldProblems = {};
  const add = (field: string, message: string) => (problems[field] ??= []).push(message);
  const tick = new Decimal(instrument.tickSize);
  if (tick.lte(0) || instrument.segment === 'INDICES') {
    add('tradingsymbol', `${instrument.tradingsymbol} is an index and cannot be traded.`);
    return problems;
  }
  const isFno = instrument.exchange === 'NFO' || instrument.exchange === 'BFO';
  if (isFno && order.product === 'CNC') add('product', 'CNC is for equity delivery; use NRML or MIS for F&O.');
  if (!isFno && order.product === 'NRML') add('product', 'NRML is for F&O; use CNC or MIS for equity.');

  if (isFno && order.quantity % instrument.lotSize !== 0) {
    add('quantity', `Quantity must be a multiple of the lot size ${instrument.lotSize}.`);
  }
  if (instrument.freezeQuantity !== null && order.quantity > instrument.freezeQuantity) {
    add('quantity', `Quantity exceeds the freeze limit of ${instrument.freezeQuantity}; split the order.`);
  }
  if (isExpired(instrument, at)) {
    add('tradingsymbol', `${instrument.tradingsymbol} has expired.`);
  }

  const needsPrice = order.order_type === 'LIMIT' || order.order_type === 'SL';
  const needsTrigger = order.order_type === 'SL' || order.order_type === 'SL-M';
  if (needsPrice && order.price === undefined) add('price', `A ${order.order_type} order needs a price.`);
  if (!needsPrice && order.price !== undefined) add('price', `${order.order_type} orders take no price.`);
  if (needsTrigger && order.trigger_price === undefined) add('trigger_price', `A ${order.order_type} order needs a trigger price.`);
  if (!needsTrigger && order.trigger_price !== undefined) add('trigger_price', `${order.order_type} orders take no trigger price.`);
  for (const field of ['price', 'trigger_price'] as const) {
    const value = order[field];
    if (value === undefined) continue;
    if (new Decimal(value).lte(0)) add(field, 'Must be greater than zero.');
    else if (!isOnTick(value, tick)) add(field, `${value} is not a multiple of the tick size ${instrument.tickSize}.`);
  }
  if (order.order_type === 'SL-M' && fillInstrumentType(instrument) !== 'EQ' && fillInstrumentType(instrument) !== 'FUT') {
    add('order_type', 'SL-M is not allowed for options; use SL with a limit price.');
  }
  if (needsTrigger && order.trigger_price !== undefined && !problems.price && !problems.trigger_price) {
    const stop = validateStopOrder(
      { transactionType: order.transaction_type, orderType: order.order_type, price: order.price, triggerPrice: order.trigger_price },
      lastPrice ?? undefined,
    );
    if (!stop.ok) add('trigger_price', stop.reason);
  }
  return problems;
}

/** Kite rejects regular orders while the exchange is shut; the simulated market may be always open. */
export function marketClosedReason(exchange: string, now: Date, hours: 'always' | 'nse'): string | null {
  if (hours === 'always') return null;
  if (isMarketOpen(now, { exchange: exchange as CalendarExchange })) return null;
  return `The ${exchange} market is closed. Regular orders are accepted 09:15–15:30 IST on trading days.`;
}
