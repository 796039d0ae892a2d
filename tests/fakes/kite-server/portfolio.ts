import Decimal from 'decimal.js';
import type { Instrument, InstrumentBook } from './instruments';
import { formatIstDate, istTimeOnDay } from './ist-time';
import { closePrice, priceAt } from './market';
import type { FakeZerodhaUser, FillSpec, HoldingSpec, PositionSpec } from './users';

const num = (value: Decimal) => value.toNumber();

export function instrumentOrThrow(book: InstrumentBook, exchange: string, tradingsymbol: string): Instrument {
  const instrument = book.find(exchange, tradingsymbol);
  if (!instrument) throw new Error(`Fake Kite portfolio refers to unknown instrument ${exchange}:${tradingsymbol}`);
  return instrument;
}

function holdingRow(book: InstrumentBook, spec: HoldingSpec, now: Date) {
  const instrument = instrumentOrThrow(book, spec.exchange, spec.tradingsymbol);
  const last = priceAt(instrument, now);
  const close = closePrice(instrument, now);
  const t1 = spec.t1Quantity ?? 0;
  const collateral = spec.collateralQuantity ?? 0;
  // P&L here covers settled + T1 quantity (what Kite web shows); Kite's API behaviour for T1 is unverified.
  const pnl = new Decimal(last).minus(spec.averagePrice).mul(spec.quantity + t1);
  const dayChange = new Decimal(last).minus(close);
  return {
    tradingsymbol: instrument.tradingsymbol,
    exchange: instrument.exchange,
    instrument_token: instrument.instrumentToken,
    isin: spec.isin,
    product: 'CNC',
    price: 0,
    quantity: spec.quantity,
    used_quantity: 0,
    t1_quantity: t1,
    realised_quantity: spec.quantity,
    authorised_quantity: spec.authorisedQuantity ?? 0,
    authorised_date: `${formatIstDate(now)} 00:00:00`,
    authorisation: {},
    opening_quantity: spec.quantity + t1,
    short_quantity: 0,
    collateral_quantity: collateral,
    collateral_type: collateral > 0 ? 'collateral' : '',
    discrepancy: false,
    average_price: spec.averagePrice,
    last_price: last,
    close_price: close,
    pnl: num(pnl),
    day_change: num(dayChange),
    day_change_percentage: close === 0 ? 0 : num(dayChange.div(close).mul(100)),
    mtf: { quantity: 0, used_quantity: 0, average_price: 0, value: 0, initial_margin: 0 },
  };
}

export function holdingsFor(book: InstrumentBook, user: FakeZerodhaUser, now: Date) {
  return user.holdings.map((spec) => holdingRow(book, spec, now));
}

type Leg = { quantity: Decimal; value: Decimal; m2mValue: Decimal };

/** The fake market's price at the fill's IST time today. */
export function fillPrice(instrument: Instrument, fill: FillSpec, now: Date): number {
  const [hour = 0, minute = 0, second = 0] = fill.time.split(':').map(Number);
  return priceAt(instrument, istTimeOnDay(now, hour, minute, second));
}

function overnightAverage(instrument: Instrument, now: Date): number {
  return priceAt(instrument, istTimeOnDay(now, 11, 0, 0, -1));
}

function sumFills(instrument: Instrument, fills: readonly FillSpec[] | undefined, now: Date) {
  let quantity = new Decimal(0);
  let value = new Decimal(0);
  for (const fill of fills ?? []) {
    quantity = quantity.plus(fill.quantity);
    value = value.plus(new Decimal(fillPrice(instrument, fill, now)).mul(fill.quantity));
  }
  return { quantity, value };
}

const avg = (leg: { quantity: Decimal; value: Decimal }) => (leg.quantity.isZero() ? 0 : num(leg.value.div(leg.quantity)));

/**
 * Kite's position arithmetic (checked against the docs sample): value = sell_value - buy_value,
 * pnl = value + quantity * last * multiplier, m2m uses the previous close for overnight quantity.
 * Kite reports realised 0 and puts the whole P&L in `unrealised`, so the fake does too.
 */
function positionRow(instrument: Instrument, spec: PositionSpec, now: Date, includeOvernight: boolean) {
  const multiplier = 1;
  const last = priceAt(instrument, now);
  const close = closePrice(instrument, now);
  const overnightQuantity = includeOvernight ? (spec.overnight?.quantity ?? 0) : 0;
  const overnight = { quantity: overnightQuantity, averagePrice: overnightQuantity === 0 ? 0 : overnightAverage(instrument, now) };
  const dayBuy = sumFills(instrument, spec.buys, now);
  const daySell = sumFills(instrument, spec.sells, now);
  const overnightLong = Math.max(overnight.quantity, 0);
  const overnightShort = Math.max(-overnight.quantity, 0);
  const buy: Leg = {
    quantity: dayBuy.quantity.plus(overnightLong),
    value: dayBuy.value.plus(new Decimal(overnight.averagePrice).mul(overnightLong)),
    m2mValue: dayBuy.value.plus(new Decimal(close).mul(overnightLong)),
  };
  const sell: Leg = {
    quantity: daySell.quantity.plus(overnightShort),
    value: daySell.value.plus(new Decimal(overnight.averagePrice).mul(overnightShort)),
    m2mValue: daySell.value.plus(new Decimal(close).mul(overnightShort)),
  };
  const quantity = buy.quantity.minus(sell.quantity);
  const value = sell.value.minus(buy.value).mul(multiplier);
  const openValue = quantity.mul(last).mul(multiplier);
  const pnl = value.plus(openValue);
  const m2m = sell.m2mValue.minus(buy.m2mValue).mul(multiplier).plus(openValue);
  const averagePrice = quantity.gt(0) ? avg(buy) : quantity.lt(0) ? avg(sell) : 0;
  return {
    tradingsymbol: instrument.tradingsymbol,
    exchange: instrument.exchange,
    instrument_token: instrument.instrumentToken,
    product: spec.product,
    quantity: num(quantity),
    overnight_quantity: overnight.quantity,
    multiplier,
    average_price: averagePrice,
    close_price: close,
    last_price: last,
    value: num(value),
    pnl: num(pnl),
    m2m: num(m2m),
    unrealised: num(pnl),
    realised: 0,
    buy_quantity: num(buy.quantity),
    buy_price: avg(buy),
    buy_value: num(buy.value.mul(multiplier)),
    buy_m2m: num(buy.m2mValue.mul(multiplier)),
    sell_quantity: num(sell.quantity),
    sell_price: avg(sell),
    sell_value: num(sell.value.mul(multiplier)),
    sell_m2m: num(sell.m2mValue.mul(multiplier)),
    day_buy_quantity: num(dayBuy.quantity),
    day_buy_price: avg(dayBuy),
    day_buy_value: num(dayBuy.value.mul(multiplier)),
    day_sell_quantity: num(daySell.quantity),
    day_sell_price: avg(daySell),
    day_sell_value: num(daySell.value.mul(multiplier)),
  };
}

export type PositionRow = ReturnType<typeof positionRow>;

export function positionsFor(book: InstrumentBook, user: FakeZerodhaUser, now: Date) {
  const net: PositionRow[] = [];
  const day: PositionRow[] = [];
  for (const spec of user.positions) {
    const instrument = instrumentOrThrow(book, spec.exchange, spec.tradingsymbol);
    net.push(positionRow(instrument, spec, now, true));
    if ((spec.buys?.length ?? 0) + (spec.sells?.length ?? 0) > 0) day.push(positionRow(instrument, spec, now, false));
  }
  return { net, day };
}
