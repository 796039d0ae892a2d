import 'server-only';
import type { UserId } from '@/lib/auth/user-id';
import { cachedInstruments } from '@/lib/market-data/instrument-cache';
import { getQuotes } from './get-quotes';

/** Quotes for GET /api/v1/market/quote, from the provider the paper engine fills against. */
export async function getMarketQuotes({ userId, keys }: { userId: UserId; keys: readonly string[] }) {
  const instruments = await cachedInstruments(keys);
  const quotes = await getQuotes([...instruments.values()], new Date(), userId);
  const result: Record<string, unknown> = {};
  for (const [key, quote] of quotes) {
    result[key] = {
      instrument_token: instruments.get(key)?.instrumentToken ?? null,
      last_price: quote.lastPrice,
      bid: quote.bid,
      ask: quote.ask,
      depth: quote.depth ?? null,
      ohlc: quote.ohlc,
      volume: quote.volume ?? null,
      timestamp: quote.timestamp.toISOString(),
      source: quote.source,
    };
  }
  return result;
}
