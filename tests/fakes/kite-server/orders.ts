import type { Instrument, InstrumentBook } from './instruments';
import { formatIstDate, formatIstDateTime, parseIstDateTime } from './ist-time';
import { hashString } from './market';
import { fillPrice, instrumentOrThrow } from './portfolio';
import type { FakeZerodhaUser } from './users';

type OrderStatus = 'COMPLETE' | 'OPEN' | 'CANCELLED' | 'REJECTED' | 'TRIGGER PENDING';

type OrderDraft = {
  instrument: Instrument;
  transactionType: 'BUY' | 'SELL';
  product: string;
  orderType: string;
  quantity: number;
  price: number;
  triggerPrice: number;
  averagePrice: number;
  status: OrderStatus;
  statusMessage: string | null;
  time: string;
};

/** Digits derived from a seed; Kite ids are long numeric strings and must never be parsed as numbers. */
function digits(seed: string, length: number): string {
  let out = '';
  for (let round = 0; out.length < length; round += 1) out += String(hashString(`${seed}#${round}`)).padStart(10, '0');
  return out.slice(0, length);
}

function drafts(book: InstrumentBook, user: FakeZerodhaUser, now: Date): OrderDraft[] {
  const list: OrderDraft[] = [];
  for (const position of user.positions) {
    const instrument = instrumentOrThrow(book, position.exchange, position.tradingsymbol);
    const legs = [
      ...(position.buys ?? []).map((fill) => ({ fill, side: 'BUY' as const })),
      ...(position.sells ?? []).map((fill) => ({ fill, side: 'SELL' as const })),
    ];
    for (const { fill, side } of legs) {
      list.push({
        instrument,
        transactionType: side,
        product: position.product,
        orderType: 'MARKET',
        quantity: fill.quantity,
        price: 0,
        triggerPrice: 0,
        averagePrice: fillPrice(instrument, fill, now),
        status: 'COMPLETE',
        statusMessage: null,
        time: fill.time,
      });
    }
  }
  for (const extra of user.extraOrders) {
    list.push({
      instrument: instrumentOrThrow(book, extra.exchange, extra.tradingsymbol),
      transactionType: extra.transactionType,
      product: extra.product,
      orderType: extra.orderType,
      quantity: extra.quantity,
      price: extra.price,
      triggerPrice: extra.triggerPrice ?? 0,
      averagePrice: 0,
      status: extra.status,
      statusMessage: extra.statusMessage ?? null,
      time: extra.time,
    });
  }
  return list.sort((a, b) => a.time.localeCompare(b.time));
}

function orderRow(user: FakeZerodhaUser, draft: OrderDraft, now: Date, status: string = draft.status) {
  const day = formatIstDate(now);
  const seed = `${user.userId}:${day}:${draft.instrument.tradingsymbol}:${draft.time}`;
  const placedAt = parseIstDateTime(`${day} ${draft.time}`) ?? now;
  const exchangeAt = formatIstDateTime(new Date(placedAt.getTime() + 1000));
  const rejected = status === 'REJECTED';
  const complete = status === 'COMPLETE';
  const cancelled = status === 'CANCELLED';
  const filled = complete ? draft.quantity : 0;
  return {
    placed_by: user.userId,
    order_id: `19${digits(seed, 17)}`,
    exchange_order_id: rejected ? null : `1${digits(`${seed}:x`, 15)}`,
    parent_order_id: null,
    status,
    status_message: draft.statusMessage,
    status_message_raw: rejected && draft.statusMessage ? `RMS:${draft.statusMessage}` : null,
    order_timestamp: formatIstDateTime(placedAt),
    exchange_update_timestamp: rejected ? null : exchangeAt,
    exchange_timestamp: rejected ? null : exchangeAt,
    variety: 'regular',
    modified: false,
    exchange: draft.instrument.exchange,
    tradingsymbol: draft.instrument.tradingsymbol,
    instrument_token: draft.instrument.instrumentToken,
    order_type: draft.orderType,
    transaction_type: draft.transactionType,
    validity: 'DAY',
    validity_ttl: 0,
    product: draft.product,
    quantity: draft.quantity,
    disclosed_quantity: 0,
    price: draft.price,
    trigger_price: draft.triggerPrice,
    average_price: complete ? draft.averagePrice : 0,
    filled_quantity: filled,
    pending_quantity: complete || cancelled || rejected ? 0 : draft.quantity,
    cancelled_quantity: cancelled ? draft.quantity : 0,
    market_protection: draft.orderType === 'MARKET' ? -1 : 0,
    meta: {},
    tag: null,
    guid: `${digits(`${seed}:g`, 6)}X${digits(`${seed}:h`, 9)}`,
  };
}

export type OrderRow = ReturnType<typeof orderRow>;

export function ordersFor(book: InstrumentBook, user: FakeZerodhaUser, now: Date): OrderRow[] {
  return drafts(book, user, now).map((draft) => orderRow(user, draft, now));
}

const HISTORY_STEPS: Record<OrderStatus, readonly string[]> = {
  COMPLETE: ['PUT ORDER REQ RECEIVED', 'VALIDATION PENDING', 'OPEN PENDING', 'OPEN', 'COMPLETE'],
  OPEN: ['PUT ORDER REQ RECEIVED', 'VALIDATION PENDING', 'OPEN PENDING', 'OPEN'],
  'TRIGGER PENDING': ['PUT ORDER REQ RECEIVED', 'VALIDATION PENDING', 'OPEN PENDING', 'TRIGGER PENDING'],
  CANCELLED: ['PUT ORDER REQ RECEIVED', 'VALIDATION PENDING', 'OPEN PENDING', 'OPEN', 'CANCEL PENDING', 'CANCELLED'],
  REJECTED: ['PUT ORDER REQ RECEIVED', 'VALIDATION PENDING', 'REJECTED'],
};

/** One element per state change, as GET /orders/:order_id returns. Undefined when the id is unknown. */
export function orderHistoryFor(book: InstrumentBook, user: FakeZerodhaUser, now: Date, orderId: string) {
  for (const draft of drafts(book, user, now)) {
    if (orderRow(user, draft, now).order_id !== orderId) continue;
    return HISTORY_STEPS[draft.status].map((status) => {
      const row = orderRow(user, draft, now, status);
      return status === draft.status ? row : { ...row, status_message: null, status_message_raw: null };
    });
  }
  return undefined;
}

export function tradesFor(book: InstrumentBook, user: FakeZerodhaUser, now: Date, orderId?: string) {
  return ordersFor(book, user, now)
    .filter((order) => order.status === 'COMPLETE' && (orderId === undefined || order.order_id === orderId))
    .map((order) => ({
      trade_id: digits(`${order.order_id}:t`, 8),
      order_id: order.order_id,
      exchange: order.exchange,
      tradingsymbol: order.tradingsymbol,
      instrument_token: order.instrument_token,
      product: order.product,
      average_price: order.average_price,
      quantity: order.filled_quantity,
      exchange_order_id: order.exchange_order_id,
      transaction_type: order.transaction_type,
      fill_timestamp: order.exchange_timestamp,
      // Kite sends only the time of day here.
      order_timestamp: order.order_timestamp.slice(11),
      exchange_timestamp: order.exchange_timestamp,
    }));
}
