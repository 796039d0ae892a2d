import 'server-only';
import { Decimal } from 'decimal.js';
import type { UserId } from '@/lib/auth/user-id';
import type { Instrument } from '@/lib/instruments/find-instrument';
import type { Quote } from '@/lib/market-data/quote';
import { type Requirement, worstPrice } from '@/lib/paper/orders/estimate-requirement';
import type { PlaceOrderInput } from '@/lib/paper/orders/order-input';
import { heldQuantity, openingQuantity } from '@/lib/paper/orders/opening-quantity';
import { kiteOrderRequirement } from './kite-order-requirement';
import { openPaperFnoPositions } from './open-paper-positions';

/**
 * The order's requirement in Kite's own figures (margin and charges labelled source 'kite'), or
 * null to use estimateRequirement. Call it before the placement transaction: it talks to Kite.
 * Only orders priced by Kite's live quotes ask Kite, so a user without a live session costs no
 * lookup here, and an order never mixes a simulated price with Kite's margin.
 */
export async function liveRequirement({
  userId,
  input,
  instrument,
  quote,
  openingQuantity,
  at,
}: {
  userId: UserId;
  input: PlaceOrderInput;
  instrument: Instrument;
  quote: Quote;
  openingQuantity: number;
  at: Date;
}): Promise<Requirement | null> {
  if (quote.source !== 'kite') return null;
  const price = worstPrice(input, instrument, quote);
  const isFno = input.exchange === 'NFO' || input.exchange === 'BFO';
  const kite = await kiteOrderRequirement({
    userId,
    order: {
      exchange: input.exchange,
      tradingsymbol: instrument.tradingsymbol,
      transaction_type: input.transaction_type,
      order_type: input.order_type,
      product: input.product,
      quantity: input.quantity,
      price: price.toString(),
      trigger_price: input.trigger_price,
      openingQuantity,
    },
    openPositions: isFno && openingQuantity > 0 ? await openPaperFnoPositions({ userId }) : [],
    at,
  });
  if (!kite) return null;
  return {
    price: price.toFixed(2),
    margin: kite.margin,
    charges: kite.charges,
    total: new Decimal(kite.margin.total).plus(kite.charges.total).toFixed(2),
  };
}

/**
 * liveRequirement for an order about to be placed: reads how much of it would open a position
 * (outside any lock; the placement compares this with what it sees under the lock and falls back
 * to the estimate if they differ) and asks Kite.
 */
export async function liveRequirementForPlacement(args: { userId: UserId; input: PlaceOrderInput; instrument: Instrument; quote: Quote; at: Date }): Promise<{ requirement: Requirement; openingQuantity: number } | null> {
  if (args.quote.source !== 'kite') return null;
  const { userId, input, instrument } = args;
  const held = await heldQuantity({ userId, exchange: instrument.exchange, tradingsymbol: instrument.tradingsymbol, product: input.product });
  const opening = openingQuantity({ quantity: held }, input);
  const requirement = await liveRequirement({ ...args, openingQuantity: opening });
  return requirement && { requirement, openingQuantity: opening };
}
