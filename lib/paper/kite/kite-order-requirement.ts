import 'server-only';
import type { Exchanges, MarginOrder, OrderType, Product, TransactionType } from 'kiteconnect';
import type { UserId } from '@/lib/auth/user-id';
import type { RetryPolicy } from '@/lib/kite/call-kite';
import { KiteError } from '@/lib/kite/errors';
import type { UserKiteCall } from '@/lib/kite/user-kite';
import type { ChargeBreakdown } from '@/lib/paper/charges/types';
import type { MarginEstimate } from '@/lib/paper/margins/estimate-margin';
import { fromKiteCharges } from './from-kite-charges';
import { kiteMargin, noKiteMargin } from './from-kite-margin';
import { contractNotes } from './kite-fill-charges';
import { KiteBasketMarginsSchema, KiteChargesSchema, KiteOrderMarginsSchema, type KiteMarginRow } from './kite-schemas';
import { ONE_ATTEMPT, withLiveKite } from './live-kite';

export type RequirementOrder = {
  exchange: Exchanges;
  tradingsymbol: string;
  transaction_type: TransactionType;
  order_type: OrderType;
  product: Product;
  quantity: number;
  /** Decimal string: the price margin and charges are computed at (the limit, or a market order's worst price). */
  price: string;
  trigger_price?: string | undefined;
  /** The part of `quantity` that opens or adds to a position; the rest closes one and needs no margin. Default: all of it. */
  openingQuantity?: number;
};

/** An open paper position (quantity signed: negative is short), one leg of the F&O basket. */
export type OpenPosition = { exchange: Exchanges; tradingsymbol: string; product: Product; quantity: number; averagePrice: string };

export type KiteRequirement = { margin: MarginEstimate; charges: ChargeBreakdown };

// kiteconnect's orderMargins/orderBasketMargins default to mode=compact, which answers totals only
// (no SPAN, exposure or charges); an empty mode asks for the full rows.
const FULL_MODE = '';

const isFno = (exchange: string) => exchange === 'NFO' || exchange === 'BFO';

function marginLeg(order: Omit<RequirementOrder, 'quantity'>, quantity: number): MarginOrder {
  return {
    exchange: order.exchange,
    tradingsymbol: order.tradingsymbol,
    transaction_type: order.transaction_type,
    variety: 'regular',
    product: order.product,
    order_type: order.order_type,
    quantity,
    price: Number(order.price),
    trigger_price: Number(order.trigger_price ?? 0),
  };
}

// Priced at the position's average, the same in both baskets, so drift between the two calls cancels.
function positionLeg(position: OpenPosition): MarginOrder {
  return {
    exchange: position.exchange,
    tradingsymbol: position.tradingsymbol,
    transaction_type: position.quantity > 0 ? 'BUY' : 'SELL',
    variety: 'regular',
    product: position.product,
    order_type: 'LIMIT',
    quantity: Math.abs(position.quantity),
    price: Number(position.averagePrice),
    trigger_price: 0,
  };
}

function rowFor(rows: readonly KiteMarginRow[], index: number, order: { exchange: string; tradingsymbol: string }): KiteMarginRow {
  const row = rows[index];
  if (!row || row.tradingsymbol !== order.tradingsymbol || row.exchange !== order.exchange) {
    throw new KiteError('unavailable', 'DataException', 'Kite sent margins for a different order.');
  }
  return row;
}

/** Charges from a margin row's own block, else from the contract note at the same quantity and price. */
async function chargesOf(call: UserKiteCall, row: KiteMarginRow, order: RequirementOrder, at: Date): Promise<ChargeBreakdown> {
  const block = KiteChargesSchema.safeParse(row.charges);
  if (block.success) return fromKiteCharges(block.data, at);
  const [note] = await contractNotes(call, [{ ...order, average_price: order.price }], at);
  if (!note) throw new KiteError('unavailable', 'DataException', 'Kite sent no contract note.');
  return note;
}

/** Equity orders, and any order that only closes a position (charges only): POST /margins/orders. */
async function singleOrderRequirement(call: UserKiteCall, order: RequirementOrder, opening: number, at: Date): Promise<KiteRequirement> {
  // One call: the opening part's margin (when it differs from the order) and the whole order's charges.
  const legs = [marginLeg(order, order.quantity)];
  if (opening > 0 && opening < order.quantity) legs.unshift(marginLeg(order, opening));
  const rows = await call({ schema: KiteOrderMarginsSchema, request: (client) => client.orderMargins(legs, FULL_MODE) });
  const whole = rowFor(rows, legs.length - 1, order);
  const margin =
    opening === 0
      ? noKiteMargin('Zerodha (live): closes an open position, no margin')
      : kiteMargin(rowFor(rows, 0, order), `Zerodha (live): /margins/orders${opening < order.quantity ? ` for the ${opening} that open a position` : ''}`);
  return { margin, charges: await chargesOf(call, whole, order, at) };
}

async function fnoRequirement(call: UserKiteCall, order: RequirementOrder, positions: readonly OpenPosition[], at: Date): Promise<KiteRequirement> {
  // consider_positions=false: Kite would otherwise use the user's real Zerodha positions. The paper
  // positions go in as legs instead, and the order's margin is what it adds to them.
  const legs = positions.filter((p) => p.quantity !== 0 && isFno(p.exchange)).map(positionLeg);
  const basket = (orders: MarginOrder[]) =>
    call({ schema: KiteBasketMarginsSchema, request: (client) => client.orderBasketMargins(orders, false, FULL_MODE) });
  const withOrder = await basket([...legs, marginLeg(order, order.quantity)]);
  const without = legs.length > 0 ? await basket(legs) : null;
  const method =
    legs.length > 0
      ? `Zerodha (live): /margins/basket, what the order adds to ${legs.length} open paper F&O position${legs.length === 1 ? '' : 's'} (hedge benefit included)`
      : 'Zerodha (live): /margins/basket';
  const margin = without ? kiteMargin(withOrder.final, method, without.final) : kiteMargin(withOrder.final, method);
  return { margin, charges: await chargesOf(call, rowFor(withOrder.orders, withOrder.orders.length - 1, order), order, at) };
}

/**
 * Kite's own margin and charges for a paper order, from the user's live session: equity through
 * POST /margins/orders, F&O through POST /margins/basket with the user's open PAPER F&O positions
 * as legs (incremental margin, never below zero). Null when there is no live session or Kite fails,
 * times out or answers in an unexpected shape: the caller uses its estimate. Never throws for those.
 */
export async function kiteOrderRequirement({
  userId,
  order,
  openPositions,
  at = new Date(),
  retry = ONE_ATTEMPT,
}: {
  userId: UserId;
  order: RequirementOrder;
  openPositions: readonly OpenPosition[];
  at?: Date;
  retry?: RetryPolicy;
}): Promise<KiteRequirement | null> {
  const opening = Math.min(order.openingQuantity ?? order.quantity, order.quantity);
  return withLiveKite({ userId, event: 'kite.requirement_failed', retry }, (call) =>
    isFno(order.exchange) && opening > 0 ? fnoRequirement(call, order, openPositions, at) : singleOrderRequirement(call, order, opening, at),
  );
}
