import { referencePrice } from '@/lib/instruments/base-prices';
import type { Quote } from '@/lib/market-data/quote';
import { simulatedQuote } from '@/lib/market-data/simulated/simulated-quote';
import type { SimulatedSession } from '@/lib/market-data/simulated/session-clock';
import { quoteKey, type QuoteProvider, type QuoteTarget } from './quote-provider';

// The feed is a pure function of the instrument and the second, and a busy instrument is asked for
// many times a second (every order, engine pass and open ticket), so recent quotes are kept. They
// are shared, hence frozen. First in, first out: the oldest seconds go first.
const recent = new Map<string, Quote>();
const RECENT_LIMIT = 5_000;

function quoteOf(target: QuoteTarget, session: SimulatedSession, at: Date): Quote {
  const key = quoteKey(target);
  const lotSize = Math.max(1, target.lotSize);
  const index = target.segment === 'INDICES' || target.instrumentType === 'INDEX';
  const memo = `${session}|${key}|${String(target.tickSize)}|${lotSize}|${index}|${Math.floor(at.getTime() / 1000)}`;
  const known = recent.get(memo);
  if (known !== undefined) return known;
  const base = referencePrice(target.exchange, target.tradingsymbol);
  const quote = Object.freeze(simulatedQuote({ instrument: key, tickSize: target.tickSize, ...(base !== null && { basePrice: base }), session, lotSize, index, at }));
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value ?? '');
  recent.set(memo, quote);
  return quote;
}

/** The deterministic simulated feed; 'always' trades around the clock, 'nse' follows NSE hours. */
export function simulatedProvider(hours: 'always' | 'nse'): QuoteProvider {
  const session: SimulatedSession = hours === 'nse' ? 'nse' : '24h';
  return {
    name: 'simulated',
    async quotes(targets: readonly QuoteTarget[], at: Date) {
      const result = new Map<string, Quote>();
      for (const target of targets) result.set(quoteKey(target), quoteOf(target, session, at));
      return result;
    },
  };
}
