import 'server-only';
import type { UserId } from '@/lib/auth/user-id';
import type { Instrument } from '@/lib/instruments/find-instrument';
import { cachedInstrument } from '@/lib/market-data/instrument-cache';
import { getQuotes } from './get-quotes';

/** Quotes for GET /api/v1/market/quote, from the provider the paper engine fills against. */
export async function getMarketQuotes({ userId, keys }: { userId: UserId; keys: readonly string[] }) {
  const instruments: Instrument[] = [];
  for (const key of new Set(keys)) {
    const [exchange = '', ...rest] = key.split(':');
    const instrument = await cachedInstrument(exchange, rest.join(':'));
    if (instrument) instruments.push(instrument);
  }
  const quotes = await getQuotes(instruments, new Date(), userId);
  const result: Record<string, unknown> = {};
  for (const [key, quote] of quotes) {
    result[key] = {
      instrument_token: instruments.find((i) => `${i.exchange}:${i.tradingsymbol}` === key)?.instrumentToken ?? null,
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
