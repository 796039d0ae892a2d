import { referencePrice } from '@/lib/instruments/base-prices';
import type { Quote } from '@/lib/market-data/quote';
import { simulatedQuote } from '@/lib/market-data/simulated/simulated-quote';
import type { SimulatedSession } from '@/lib/market-data/simulated/session-clock';
import { quoteKey, type QuoteProvider, type QuoteTarget } from './quote-provider';

/** The deterministic simulated feed; 'always' trades around the clock, 'nse' follows NSE hours. */
export function simulatedProvider(hours: 'always' | 'nse'): QuoteProvider {
  const session: SimulatedSession = hours === 'nse' ? 'nse' : '24h';
  return {
    name: 'simulated',
    async quotes(targets: readonly QuoteTarget[], at: Date) {
      const result = new Map<string, Quote>();
      for (const target of targets) {
        const key = quoteKey(target);
        const base = referencePrice(target.exchange, target.tradingsymbol);
        result.set(
          key,
          simulatedQuote({
            instrument: key,
            tickSize: target.tickSize,
            ...(base !== null && { basePrice: base }),
            session,
            lotSize: Math.max(1, target.lotSize),
            index: target.segment === 'INDICES' || target.instrumentType === 'INDEX',
            at,
          }),
        );
      }
      return result;
    },
  };
}
