import type { Quote } from '@/lib/market-data/quote';

/** What a provider needs to price an instrument, taken from the instrument master. */
export type QuoteTarget = {
  exchange: string;
  tradingsymbol: string;
  tickSize: string;
  lotSize: number;
  instrumentType: string;
  segment: string;
};

/**
 * Where paper prices come from. The simulated provider is always available; a Kite provider (the
 * user's live session) plugs in behind the same shape and labels its quotes source 'kite'.
 */
export type QuoteProvider = {
  name: 'simulated' | 'kite';
  quotes(targets: readonly QuoteTarget[], at: Date): Promise<Map<string, Quote>>;
};

export const quoteKey = (target: { exchange: string; tradingsymbol: string }) => `${target.exchange}:${target.tradingsymbol}`;
