import 'server-only';
import type { UserId } from '@/lib/auth/user-id';
import { withUserSql } from '@/lib/db/user-sql';
import { AppError } from '@/lib/errors';
import type { Instrument } from '@/lib/instruments/find-instrument';
import { getPaperAccount } from '@/lib/paper/account/get-paper-account';
import { computeCncFillCharges } from '@/lib/paper/charges/same-day-cnc';
import type { ChargeBreakdown } from '@/lib/paper/charges/types';
import { KITE_CHARGES_SOURCE, withOwnCharges } from '@/lib/paper/kite/from-kite-charges';
import { liveRequirement } from '@/lib/paper/kite/live-requirement';
import { loadBookState, type BookState } from './book-state';
import { checkOrder } from './check-order';
import { estimateRequirement } from './estimate-requirement';
import { instrumentWithQuote } from './load-instrument';
import type { PlaceOrderInput } from './order-input';
import { openingQuantity } from './opening-quantity';

/**
 * A CNC sell is charged at fill against the day's CNC buys (computeCncFillCharges): units that close
 * today's buys are billed intraday and carry the re-bill of those buys, the rest is delivery with
 * the day's DP charge. The generic estimate prices every CNC sell as delivery without DP, so the
 * preview charges a new sell order the way its fill will be. Kite's contract note knows nothing of
 * the same-day match (those fills keep our figures, see adoptKiteCharges); for a plain delivery
 * sell Kite's figures stand, plus the DP charge the fill keeps as ours.
 */
function cncSellCharges(args: { state: BookState; instrument: Instrument; quantity: number; price: string; at: Date; estimated: ChargeBreakdown }): ChargeBreakdown {
  const { state, instrument, at } = args;
  const ours = computeCncFillCharges({
    // The id only picks a buy order's own fills; a new sell has none.
    order: { id: 'preview', tradeDate: at, exchange: instrument.exchange as 'NSE' | 'BSE', transactionType: 'SELL' },
    previousFills: [],
    fill: { quantity: args.quantity, price: args.price },
    dayBuys: state.dayBuys,
    matched: state.dayMatched,
    dpPaidToday: state.dpChargedToday,
  });
  if (args.estimated.rateVersion === KITE_CHARGES_SOURCE && ours.intraday_quantity === undefined) {
    return withOwnCharges(args.estimated, { dp_charges: ours.dp_charges });
  }
  return ours;
}

/**
 * What the order ticket shows before placing: margin and charges (Kite's own while the user's Kite
 * session is live, else our estimate; `margin.source` and `charges.rateVersion` say which), and the
 * quote used. `total` is what placing blocks (margin plus the generic charge estimate); a CNC sell's
 * `charges` are those its fill will be charged, which can differ from the estimate inside `total`.
 */
export async function previewOrder({ userId, input, now = new Date() }: { userId: UserId; input: PlaceOrderInput; now?: Date }) {
  const { instrument, quote } = await instrumentWithQuote(input.exchange, input.tradingsymbol, now, userId);
  const problems = checkOrder(input, instrument, quote.lastPrice, now);
  if (Object.keys(problems).length > 0) throw new AppError('validation_failed', 'The order is not valid.', problems);
  // The state placing books against, in one read; a preview reserves nothing, so without the
  // account's lock (placing reads it again under the lock).
  const account = await getPaperAccount({ userId });
  const state = await withUserSql(userId, (sql) =>
    loadBookState(sql, { userId, accountId: account.id, exchange: instrument.exchange, tradingsymbol: instrument.tradingsymbol, product: input.product, at: now }),
  );
  const opening = openingQuantity(state.position, input);
  const available = account.cash;
  const requirement =
    (await liveRequirement({ userId, input, instrument, quote, openingQuantity: opening, at: now })) ??
    estimateRequirement({ order: input, instrument, quote, openingQuantity: opening, at: now });
  const charges =
    input.product === 'CNC' && input.transaction_type === 'SELL'
      ? cncSellCharges({ state, instrument, quantity: input.quantity, price: requirement.price, at: now, estimated: requirement.charges })
      : requirement.charges;
  return {
    ...requirement,
    charges,
    available,
    lot_size: instrument.lotSize,
    tick_size: instrument.tickSize,
    quote: { last_price: quote.lastPrice, bid: quote.bid, ask: quote.ask, source: quote.source, timestamp: quote.timestamp.toISOString() },
  };
}
