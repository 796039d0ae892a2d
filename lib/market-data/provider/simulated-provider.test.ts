import { describe, expect, it } from 'vitest';
import { referencePrice } from '@/lib/instruments/base-prices';
import { simulatedQuote } from '@/lib/market-data/simulated/simulated-quote';
import { simulatedProvider } from './simulated-provider';

const infy = { exchange: 'NSE', tradingsymbol: 'INFY', tickSize: '0.05', lotSize: 1, instrumentType: 'EQ', segment: 'NSE' };
const quoteAt = async (at: string, target = infy) => (await simulatedProvider('always').quotes([target], new Date(at))).get(`${target.exchange}:${target.tradingsymbol}`);

describe('simulated provider', () => {
  it('answers repeated asks within a second with the same quote the feed computes', async () => {
    const first = await quoteAt('2026-11-20T05:00:00.100Z');
    const again = await quoteAt('2026-11-20T05:00:00.900Z');
    expect(again).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    const base = referencePrice('NSE', 'INFY') ?? undefined;
    expect(first).toEqual(simulatedQuote({ instrument: 'NSE:INFY', tickSize: '0.05', basePrice: base, session: '24h', lotSize: 1, index: false, at: new Date('2026-11-20T05:00:00.100Z') }));
  });

  it('computes a new quote for the next second and for a different lot size', async () => {
    const first = await quoteAt('2026-11-20T05:00:00.100Z');
    expect(await quoteAt('2026-11-20T05:00:01.000Z')).not.toBe(first);
    const lots = await quoteAt('2026-11-20T05:00:00.100Z', { ...infy, lotSize: 5 });
    expect(lots).not.toBe(first);
    expect(lots?.depth?.buy[0]?.quantity ?? 0).toBeGreaterThan(0);
  });
});
