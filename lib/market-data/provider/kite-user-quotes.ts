import 'server-only';
import type { UserId } from '@/lib/auth/user-id';
import { getKiteQuotes } from '@/lib/kite/quotes';
import { knownWithoutKite, rememberWithoutKite } from '@/lib/kite/session-absence';
import type { Quote } from '@/lib/market-data/quote';
import { fromKiteQuote } from './from-kite-quote';

// Kite allows about one quote request a second per app, and the engine, the order ticket and the
// open pages all ask: quotes fetched within the last second are reused. When a fetch fails, the
// last Kite quotes (up to a minute old) are returned rather than simulated ones, so a linked
// user's prices never silently switch source; their timestamps make them too stale to fill on.
const REUSE_MS = 1000;
const KEEP_MS = 60_000;
const memo = new Map<string, { at: number; quotes: Map<string, Quote> }>();

export async function kiteQuotesFor(userId: UserId, keys: readonly string[]): Promise<Map<string, Quote>> {
  const now = Date.now();
  if (knownWithoutKite(userId, now)) return new Map();
  const previous = memo.get(userId);
  if (previous && now - previous.at < REUSE_MS && keys.every((key) => previous.quotes.has(key))) return previous.quotes;
  const fetched = await getKiteQuotes({ userId, instruments: [...keys] });
  if (!fetched) {
    if (previous && now - previous.at < KEEP_MS) return previous.quotes;
    rememberWithoutKite(userId, now);
    return new Map();
  }
  const quotes = new Map(previous && now - previous.at < KEEP_MS ? previous.quotes : []);
  for (const [key, raw] of Object.entries(fetched.quotes)) {
    const quote = fromKiteQuote(key, raw, fetched.fetchedAt);
    if (quote) quotes.set(key, quote);
  }
  if (memo.size > 10_000) memo.clear();
  memo.set(userId, { at: now, quotes });
  return quotes;
}
