import 'server-only';
import type { UserId } from '@/lib/auth/user-id';
import { withUserTx } from '@/lib/db/rls';
import type { Instrument } from '@/lib/instruments/find-instrument';
import { quoteKey } from '@/lib/market-data/provider/quote-provider';
import { kiteClosingPrice } from './kite-closing-price';

/**
 * For expired contracts the account traded at Kite's prices, keyed by contract: the underlying's
 * official close on expiry day from Kite (what NSE settles index and stock derivatives against), or
 * null while Kite cannot give it yet. Contracts traded only at simulated prices are absent.
 */
export type KiteCloses = Map<string, { close: string; underlying: string } | null>;

export async function kiteSettlementPrices(args: {
  userId: UserId;
  accountId: string;
  now: Date;
  /** The account's expired contracts, keyed by contract, and their underlyings. */
  expired: Map<string, Instrument>;
  underlyings: Map<string, Instrument>;
}): Promise<KiteCloses> {
  const { userId, accountId, now } = args;
  const closes: KiteCloses = new Map();
  if (args.expired.size === 0) return closes;
  const kitePriced = await withUserTx(userId, (tx) =>
    tx.paperOrder.findMany({
      where: { userId, accountId, priceSource: 'kite', filledQuantity: { gt: 0 }, OR: [...args.expired.values()].map(({ exchange, tradingsymbol }) => ({ exchange, tradingsymbol })) },
      distinct: ['exchange', 'tradingsymbol'],
      select: { exchange: true, tradingsymbol: true },
    }),
  );
  for (const scrip of kitePriced) {
    const key = quoteKey(scrip);
    const contract = args.expired.get(key);
    const underlying = args.underlyings.get(key);
    if (!contract?.expiry || !underlying) {
      closes.set(key, null);
      continue;
    }
    const close = await kiteClosingPrice({ userId, target: underlying, day: contract.expiry, now });
    closes.set(key, close === null ? null : { close, underlying: underlying.tradingsymbol });
  }
  return closes;
}
