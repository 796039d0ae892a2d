import 'server-only';
import type { z } from 'zod';
import type { UserId } from '@/lib/auth/user-id';
import { KiteQuoteSchema } from './schemas';
import { withUserKite } from './user-kite';

export type KiteQuotes = {
  /** Keyed by "EXCHANGE:TRADINGSYMBOL"; instruments Kite has no data for are absent. */
  quotes: z.output<typeof KiteQuoteSchema>;
  fetchedAt: Date;
  source: 'kite';
};

const INSTRUMENT = /^[A-Z]{2,4}:[A-Za-z0-9&_.-]{1,40}$/;

/**
 * Live quotes (last price, OHLC, depth; Kite's `timestamp` is an IST "yyyy-mm-dd hh:mm:ss" string)
 * from the user's own Kite session, through the shared 1 request/second quote limiter. Null when the
 * user has no live session or Kite fails, so callers fall back to another (labelled) price source.
 */
export async function getKiteQuotes({ userId, instruments }: { userId: UserId; instruments: string[] }): Promise<KiteQuotes | null> {
  const wanted = [...new Set(instruments)].filter((i) => INSTRUMENT.test(i)).slice(0, 500);
  if (wanted.length === 0) return null;
  const quotes = await withUserKite({ userId, event: 'kite.quote_failed' }, (call) =>
    call({ category: 'quote', schema: KiteQuoteSchema, request: (client) => client.getQuote(wanted) }),
  );
  return quotes === null ? null : { quotes, fetchedAt: new Date(), source: 'kite' };
}
