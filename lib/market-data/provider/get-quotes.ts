import 'server-only';
import type { UserId } from '@/lib/auth/user-id';
import { getEnv } from '@/lib/env';
import type { Quote } from '@/lib/market-data/quote';
import { kiteQuotesFor } from './kite-user-quotes';
import { quoteKey, type QuoteProvider, type QuoteTarget } from './quote-provider';
import { simulatedProvider } from './simulated-provider';

let provider: QuoteProvider | undefined;

/** The simulated provider (labelled 'simulated'), used whenever live Kite quotes are not available. */
export function quoteProvider(): QuoteProvider {
  provider ??= simulatedProvider(getEnv().SIMULATED_MARKET_HOURS);
  return provider;
}

const LIVE_WINDOW_MS = 2000;

/**
 * The quotes the paper engine fills against and GET /api/v1/market/quote serves. With a user whose
 * Kite session is live, and a request for now (not a replayed instant), Kite's quotes are used;
 * anything Kite does not cover comes from the simulated feed. Each quote carries its source.
 */
export async function getQuotes(targets: readonly QuoteTarget[], at: Date = new Date(), userId?: UserId): Promise<Map<string, Quote>> {
  const result = new Map<string, Quote>();
  if (userId !== undefined && Math.abs(at.getTime() - Date.now()) < LIVE_WINDOW_MS) {
    const tradable = targets.filter((target) => target.segment !== 'INDICES');
    if (tradable.length > 0) {
      const live = await kiteQuotesFor(userId, tradable.map(quoteKey));
      for (const target of tradable) {
        const quote = live.get(quoteKey(target));
        if (quote) result.set(quoteKey(target), quote);
      }
    }
  }
  const missing = targets.filter((target) => !result.has(quoteKey(target)));
  if (missing.length > 0) for (const [key, quote] of await quoteProvider().quotes(missing, at)) result.set(key, quote);
  return result;
}
