import 'server-only';
import type { UserId } from '@/lib/auth/user-id';
import { withUserTx } from '@/lib/db/rls';
import { AppError } from '@/lib/errors';
import { getPaperAccount } from '@/lib/paper/account/get-paper-account';
import { ledgerBalance, lockActiveAccount } from '@/lib/paper/account/lock-account';
import { checkOrder } from './check-order';
import { estimateRequirement } from './estimate-requirement';
import { instrumentWithQuote } from './load-instrument';
import type { PlaceOrderInput } from './order-input';
import { openingQuantity } from './place-order';

/** What the order ticket shows before placing: margin (labelled estimate), charges, and the quote used. */
export async function previewOrder({ userId, input, now = new Date() }: { userId: UserId; input: PlaceOrderInput; now?: Date }) {
  const { instrument, quote } = await instrumentWithQuote(input.exchange, input.tradingsymbol, now, userId);
  const problems = checkOrder(input, instrument, quote.lastPrice);
  if (Object.keys(problems).length > 0) throw new AppError('validation_failed', 'The order is not valid.', problems);
  await getPaperAccount({ userId });
  return withUserTx(userId, async (tx) => {
    const account = await lockActiveAccount(tx, userId);
    const opening = await openingQuantity(tx, userId, account.id, input);
    const requirement = estimateRequirement({ order: input, instrument, quote, openingQuantity: opening, at: now });
    return {
      ...requirement,
      available: (await ledgerBalance(tx, userId, account.id)).toFixed(2),
      lot_size: instrument.lotSize,
      tick_size: instrument.tickSize,
      quote: { last_price: quote.lastPrice, bid: quote.bid, ask: quote.ask, source: quote.source, timestamp: quote.timestamp.toISOString() },
    };
  });
}
