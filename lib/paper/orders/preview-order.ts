import 'server-only';
import type { UserId } from '@/lib/auth/user-id';
import { AppError } from '@/lib/errors';
import { getPaperAccount } from '@/lib/paper/account/get-paper-account';
import { liveRequirement } from '@/lib/paper/kite/live-requirement';
import { checkOrder } from './check-order';
import { estimateRequirement } from './estimate-requirement';
import { instrumentWithQuote } from './load-instrument';
import type { PlaceOrderInput } from './order-input';
import { heldQuantity, openingQuantity } from './opening-quantity';

/**
 * What the order ticket shows before placing: margin and charges (Kite's own while the user's Kite
 * session is live, else our estimate; `margin.source` and `charges.rateVersion` say which), and the
 * quote used.
 */
export async function previewOrder({ userId, input, now = new Date() }: { userId: UserId; input: PlaceOrderInput; now?: Date }) {
  const { instrument, quote } = await instrumentWithQuote(input.exchange, input.tradingsymbol, now, userId);
  const problems = checkOrder(input, instrument, quote.lastPrice);
  if (Object.keys(problems).length > 0) throw new AppError('validation_failed', 'The order is not valid.', problems);
  // A preview reserves nothing, so it reads without the account's lock (placing checks again under it).
  const account = await getPaperAccount({ userId });
  const held = await heldQuantity({ userId, exchange: instrument.exchange, tradingsymbol: instrument.tradingsymbol, product: input.product });
  const opening = openingQuantity({ quantity: held }, input);
  const available = account.cash;
  const requirement =
    (await liveRequirement({ userId, input, instrument, quote, openingQuantity: opening, at: now })) ??
    estimateRequirement({ order: input, instrument, quote, openingQuantity: opening, at: now });
  return {
    ...requirement,
    available,
    lot_size: instrument.lotSize,
    tick_size: instrument.tickSize,
    quote: { last_price: quote.lastPrice, bid: quote.bid, ask: quote.ask, source: quote.source, timestamp: quote.timestamp.toISOString() },
  };
}
