import 'server-only';
import { findInstrument, type Instrument } from '@/lib/instruments/find-instrument';

// The instrument master changes once a day (a Kite sync); a short in-process cache spares the
// order path a query per order. Misses are not cached, so a newly synced symbol works at once.
const CACHE_MS = 60_000;
const cache = new Map<string, { instrument: Instrument; until: number }>();

export async function cachedInstrument(exchange: string, tradingsymbol: string): Promise<Instrument | null> {
  const key = `${exchange}:${tradingsymbol}`;
  const hit = cache.get(key);
  if (hit && hit.until > Date.now()) return hit.instrument;
  const instrument = await findInstrument({ exchange, tradingsymbol });
  if (instrument) {
    if (cache.size > 5000) cache.clear();
    cache.set(key, { instrument, until: Date.now() + CACHE_MS });
  }
  return instrument;
}
