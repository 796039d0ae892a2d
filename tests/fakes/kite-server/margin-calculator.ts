import Decimal from 'decimal.js';
import { z } from 'zod';
import { type Charges, chargeKind, type ChargeSettings, computeCharges, zeroCharges } from './charges';
import { inputError } from './http-io';
import type { InstrumentBook } from './instruments';
import { formatIstDate } from './ist-time';
import { priceAt } from './market';

const side = z.enum(['BUY', 'SELL']);
const quantity = z.coerce.number().int().positive();

export const MarginOrderSchema = z.object({
  exchange: z.string().min(1),
  tradingsymbol: z.string().min(1),
  transaction_type: side,
  variety: z.string().default('regular'),
  product: z.string().min(1),
  order_type: z.string().min(1),
  quantity,
  price: z.coerce.number().nonnegative().default(0),
  trigger_price: z.coerce.number().nonnegative().default(0),
});

export const ContractNoteOrderSchema = z.object({
  order_id: z.union([z.string(), z.number()]),
  exchange: z.string().min(1),
  tradingsymbol: z.string().min(1),
  transaction_type: side,
  variety: z.string().default('regular'),
  product: z.string().min(1),
  order_type: z.string().min(1),
  quantity,
  average_price: z.coerce.number().positive('average_price should be non-zero'),
});

export function parseOrderList<T extends z.ZodType>(schema: T, body: unknown): z.infer<T>[] {
  const parsed = z.array(schema).min(1).safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw inputError(issue ? `Invalid order ${issue.path.join('.')}: ${issue.message}` : 'Invalid orders');
  }
  return parsed.data;
}

export type MarginOrder = z.infer<typeof MarginOrderSchema>;
/** `compact` (kiteconnect's default for orderMargins) answers only type, tradingsymbol, exchange and total. */
export type MarginMode = 'compact' | 'full';

type Parts = { span: Decimal; exposure: Decimal; optionPremium: Decimal; varMargin: Decimal };
const ZERO_PARTS: Parts = { span: new Decimal(0), exposure: new Decimal(0), optionPremium: new Decimal(0), varMargin: new Decimal(0) };
const addParts = (a: Parts, b: Parts): Parts => ({
  span: a.span.plus(b.span),
  exposure: a.exposure.plus(b.exposure),
  optionPremium: a.optionPremium.plus(b.optionPremium),
  varMargin: a.varMargin.plus(b.varMargin),
});
const partsTotal = (p: Parts) => p.span.plus(p.exposure).plus(p.optionPremium).plus(p.varMargin);

function instrumentOf(book: InstrumentBook, order: { exchange: string; tradingsymbol: string }) {
  const instrument = book.find(order.exchange, order.tradingsymbol);
  if (!instrument) throw inputError(`Invalid instrument: ${order.exchange}:${order.tradingsymbol}`);
  return instrument;
}

// Plausible figures, not Zerodha's SPAN: CNC 100%, MIS 20% (5x), futures 12% SPAN + 2% exposure,
// option buys the premium, option sells 9% SPAN + 2% exposure of strike notional, MCX 10% + 3%.
function partsOf(book: InstrumentBook, order: MarginOrder, now: Date): { parts: Parts; price: number; leverage: number } {
  const instrument = instrumentOf(book, order);
  const price = order.price > 0 ? order.price : priceAt(instrument, now);
  const value = new Decimal(price).mul(order.quantity);
  const kind = chargeKind(book, order.exchange, order.tradingsymbol, order.product);
  const parts = { ...ZERO_PARTS };
  let leverage = 1;
  if (kind === 'equity-delivery') parts.varMargin = order.transaction_type === 'BUY' ? value : new Decimal(0);
  else if (kind === 'equity-intraday') {
    leverage = 5;
    parts.varMargin = value.div(leverage);
  } else if (kind === 'futures' || kind === 'currency') {
    parts.span = value.mul(0.12);
    parts.exposure = value.mul(0.02);
  } else if (kind === 'options') {
    if (order.transaction_type === 'BUY') parts.optionPremium = value;
    else {
      const notional = new Decimal(instrument.strike > 0 ? instrument.strike : price * 20).mul(order.quantity);
      parts.span = notional.mul(0.09);
      parts.exposure = notional.mul(0.02);
    }
  } else {
    parts.span = value.mul(0.1);
    parts.exposure = value.mul(0.03);
  }
  return { parts, price, leverage };
}

function marginRow(
  meta: { type: string; tradingsymbol: string; exchange: string; leverage: number },
  parts: Parts,
  charges: Charges,
  mode: MarginMode,
) {
  const total = partsTotal(parts).toNumber();
  if (mode === 'compact') return { type: meta.type, tradingsymbol: meta.tradingsymbol, exchange: meta.exchange, total };
  return {
    ...meta,
    span: parts.span.toNumber(),
    exposure: parts.exposure.toNumber(),
    option_premium: parts.optionPremium.toNumber(),
    additional: 0,
    bo: 0,
    cash: 0,
    var: parts.varMargin.toNumber(),
    pnl: { realised: 0, unrealised: 0 },
    charges,
    total,
  };
}

function orderRow(book: InstrumentBook, order: MarginOrder, now: Date, settings: ChargeSettings, mode: MarginMode) {
  const { parts, price, leverage } = partsOf(book, order, now);
  const kind = chargeKind(book, order.exchange, order.tradingsymbol, order.product);
  const charges = computeCharges(
    book,
    {
      exchange: order.exchange,
      tradingsymbol: order.tradingsymbol,
      transactionType: order.transaction_type,
      product: order.product,
      quantity: order.quantity,
      price,
      tradeDate: formatIstDate(now),
    },
    settings,
  );
  const meta = { type: kind === 'commodity' ? 'commodity' : 'equity', tradingsymbol: order.tradingsymbol, exchange: order.exchange, leverage };
  return { row: marginRow(meta, parts, charges, mode), parts };
}

export function orderMargins(book: InstrumentBook, orders: readonly MarginOrder[], now: Date, settings: ChargeSettings, mode: MarginMode = 'full') {
  return orders.map((order) => orderRow(book, order, now, settings, mode).row);
}

/**
 * Margin of a set of legs held together: legs on one instrument net out (a buy against a short
 * closes it), each net leg is margined alone, and F&O net legs on one underlying that face opposite
 * ways keep only 30% of their SPAN (the hedge benefit). So the figure is a function of the legs,
 * and basket(positions + order) − basket(positions) is the order's incremental margin.
 */
export function portfolioParts(book: InstrumentBook, legs: readonly MarginOrder[], now: Date): Parts {
  const net = new Map<string, { leg: MarginOrder; signed: number; buy: Decimal; buyQty: number; sell: Decimal; sellQty: number }>();
  for (const leg of legs) {
    const instrument = instrumentOf(book, leg);
    const price = new Decimal(leg.price > 0 ? leg.price : priceAt(instrument, now));
    const key = `${instrument.exchange}:${instrument.tradingsymbol}`;
    const entry = net.get(key) ?? { leg, signed: 0, buy: new Decimal(0), buyQty: 0, sell: new Decimal(0), sellQty: 0 };
    if (leg.transaction_type === 'BUY') {
      entry.signed += leg.quantity;
      entry.buy = entry.buy.plus(price.mul(leg.quantity));
      entry.buyQty += leg.quantity;
    } else {
      entry.signed -= leg.quantity;
      entry.sell = entry.sell.plus(price.mul(leg.quantity));
      entry.sellQty += leg.quantity;
    }
    net.set(key, entry);
  }
  const spanByUnderlying = new Map<string, { span: Decimal; long: boolean; short: boolean }>();
  let parts = { ...ZERO_PARTS };
  for (const entry of net.values()) {
    if (entry.signed === 0) continue;
    const long = entry.signed > 0;
    // The net leg is priced at the average of the legs on its side.
    const price = long ? entry.buy.div(entry.buyQty) : entry.sell.div(entry.sellQty);
    const leg: MarginOrder = { ...entry.leg, transaction_type: long ? 'BUY' : 'SELL', quantity: Math.abs(entry.signed), price: price.toNumber() };
    const legParts = partsOf(book, leg, now).parts;
    parts = addParts(parts, { ...legParts, span: new Decimal(0) });
    const instrument = instrumentOf(book, leg);
    const derivative = instrument.exchange === 'NFO' || instrument.exchange === 'BFO';
    const underlying = derivative ? `${instrument.exchange}:${instrument.name}` : `cash:${instrument.exchange}:${instrument.tradingsymbol}`;
    const group = spanByUnderlying.get(underlying) ?? { span: new Decimal(0), long: false, short: false };
    group.span = group.span.plus(legParts.span);
    if (derivative) {
      if (long) group.long = true;
      else group.short = true;
    }
    spanByUnderlying.set(underlying, group);
  }
  for (const group of spanByUnderlying.values()) {
    parts = addParts(parts, { ...ZERO_PARTS, span: group.long && group.short ? group.span.mul(0.3) : group.span });
  }
  return parts;
}

const BLANK = { type: '', tradingsymbol: '', exchange: '', leverage: 0 };

/**
 * Basket: `initial` is the plain sum of the orders' own margins, `final` the margin of the netted,
 * hedged portfolio. With consider_positions (Kite's default) the account's open positions join the
 * portfolio and `final` is what the basket adds to them.
 */
export function basketMargins(
  book: InstrumentBook,
  orders: readonly MarginOrder[],
  now: Date,
  settings: ChargeSettings,
  options: { mode?: MarginMode; positions?: readonly MarginOrder[] } = {},
) {
  const mode = options.mode ?? 'full';
  const computed = orders.map((order) => orderRow(book, order, now, settings, mode));
  const initial = computed.reduce((acc, item) => addParts(acc, item.parts), { ...ZERO_PARTS });
  const positions = options.positions ?? [];
  const withOrders = portfolioParts(book, [...positions, ...orders], now);
  const final =
    positions.length === 0
      ? withOrders
      : (() => {
          const alone = portfolioParts(book, positions, now);
          return {
            span: withOrders.span.minus(alone.span),
            exposure: withOrders.exposure.minus(alone.exposure),
            optionPremium: withOrders.optionPremium.minus(alone.optionPremium),
            varMargin: withOrders.varMargin.minus(alone.varMargin),
          };
        })();
  const basket = {
    initial: marginRow(BLANK, initial, zeroCharges(), mode),
    final: marginRow(BLANK, final, zeroCharges(), mode),
    orders: computed.map((item) => item.row),
  };
  if (mode === 'compact') return basket;
  const sum = (pick: (charges: Charges) => number) =>
    computed.reduce((acc, item) => acc.plus('charges' in item.row ? pick(item.row.charges) : 0), new Decimal(0));
  // Kite's top-level basket charges omit transaction tax (baskets can mix STT and CTT).
  return { ...basket, charges: { ...zeroCharges(), brokerage: sum((c) => c.brokerage).toNumber(), sebi_turnover_charge: sum((c) => c.sebi_turnover_charge).toNumber() } };
}
