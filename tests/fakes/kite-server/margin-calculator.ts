import Decimal from 'decimal.js';
import { z } from 'zod';
import { chargeKind, computeCharges, type SttRounding, zeroCharges } from './charges';
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

type MarginOrder = z.infer<typeof MarginOrderSchema>;

// Plausible estimates, not Zerodha's SPAN: CNC 100%, MIS 20% (5x), futures 12% SPAN + 2% exposure,
// option buys the premium, option sells 9% SPAN + 2% exposure of strike notional, MCX 10% + 3%.
function marginOf(book: InstrumentBook, order: MarginOrder, now: Date, rounding: SttRounding) {
  const instrument = book.find(order.exchange, order.tradingsymbol);
  if (!instrument) throw inputError(`Invalid instrument: ${order.exchange}:${order.tradingsymbol}`);
  const price = order.price > 0 ? order.price : priceAt(instrument, now);
  const value = new Decimal(price).mul(order.quantity);
  const kind = chargeKind(book, order.exchange, order.tradingsymbol, order.product);
  const parts = { span: new Decimal(0), exposure: new Decimal(0), optionPremium: new Decimal(0), varMargin: new Decimal(0) };
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
  const total = parts.span.plus(parts.exposure).plus(parts.optionPremium).plus(parts.varMargin);
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
    rounding,
  );
  return {
    row: {
      type: kind === 'commodity' ? 'commodity' : 'equity',
      tradingsymbol: order.tradingsymbol,
      exchange: order.exchange,
      span: parts.span.toNumber(),
      exposure: parts.exposure.toNumber(),
      option_premium: parts.optionPremium.toNumber(),
      additional: 0,
      bo: 0,
      cash: 0,
      var: parts.varMargin.toNumber(),
      pnl: { realised: 0, unrealised: 0 },
      leverage,
      charges,
      total: total.toNumber(),
    },
    parts,
    instrumentName: instrument.name,
  };
}

export function orderMargins(book: InstrumentBook, orders: readonly MarginOrder[], now: Date, rounding: SttRounding) {
  return orders.map((order) => marginOf(book, order, now, rounding).row);
}

function aggregate(span: Decimal, exposure: Decimal, optionPremium: Decimal, varMargin: Decimal) {
  return {
    type: '',
    tradingsymbol: '',
    exchange: '',
    span: span.toNumber(),
    exposure: exposure.toNumber(),
    option_premium: optionPremium.toNumber(),
    additional: 0,
    bo: 0,
    cash: 0,
    var: varMargin.toNumber(),
    pnl: { realised: 0, unrealised: 0 },
    leverage: 0,
    charges: zeroCharges(),
    total: span.plus(exposure).plus(optionPremium).plus(varMargin).toNumber(),
  };
}

/** Basket: `final` gives a 70% SPAN benefit when F&O legs on one underlying offset (a buy and a sell). */
export function basketMargins(book: InstrumentBook, orders: readonly MarginOrder[], now: Date, rounding: SttRounding) {
  const computed = orders.map((order) => ({ order, ...marginOf(book, order, now, rounding) }));
  const sum = (pick: (parts: (typeof computed)[number]['parts']) => Decimal) =>
    computed.reduce((acc, item) => acc.plus(pick(item.parts)), new Decimal(0));
  const span = sum((p) => p.span);
  const exposure = sum((p) => p.exposure);
  const premium = sum((p) => p.optionPremium);
  const varMargin = sum((p) => p.varMargin);
  const derivatives = computed.filter((item) => item.order.exchange === 'NFO' || item.order.exchange === 'BFO');
  const hedged = derivatives.some((a) =>
    derivatives.some((b) => a.instrumentName === b.instrumentName && a.order.transaction_type !== b.order.transaction_type),
  );
  const brokerage = computed.reduce((acc, item) => acc.plus(item.row.charges.brokerage), new Decimal(0));
  const sebi = computed.reduce((acc, item) => acc.plus(item.row.charges.sebi_turnover_charge), new Decimal(0));
  return {
    initial: aggregate(span, exposure, premium, varMargin),
    final: aggregate(hedged ? span.mul(0.3) : span, exposure, premium, varMargin),
    orders: computed.map((item) => item.row),
    // Kite's top-level basket charges omit transaction tax (baskets can mix STT and CTT).
    charges: { ...zeroCharges(), brokerage: brokerage.toNumber(), sebi_turnover_charge: sebi.toNumber() },
  };
}
