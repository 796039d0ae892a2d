import 'server-only';
import type { UserId } from '@/lib/auth/user-id';
import { AppError } from '@/lib/errors';
import type { Instrument } from '@/lib/instruments/find-instrument';
import { cachedInstrument } from '@/lib/market-data/instrument-cache';
import { getQuotes } from '@/lib/market-data/provider/get-quotes';
import { quoteKey } from '@/lib/market-data/provider/quote-provider';
import type { Quote } from '@/lib/market-data/quote';

/** The instrument and its quote right now, fetched before any transaction opens. */
export async function instrumentWithQuote(exchange: string, tradingsymbol: string, now: Date, userId?: UserId): Promise<{ instrument: Instrument; quote: Quote }> {
  const instrument = await cachedInstrument(exchange, tradingsymbol);
  if (!instrument) {
    throw new AppError('validation_failed', 'The order is not valid.', { tradingsymbol: [`${exchange}:${tradingsymbol} is not a known instrument.`] });
  }
  const quote = (await getQuotes([instrument], now, userId)).get(quoteKey(instrument));
  if (!quote) throw new AppError('service_unavailable', `No quote for ${quoteKey(instrument)} right now.`);
  return { instrument, quote };
}
