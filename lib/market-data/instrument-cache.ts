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

/** The instruments of "EXCHANGE:TRADINGSYMBOL" keys, keyed the same way; unknown keys are left out. */
export async function cachedInstruments(keys: Iterable<string>): Promise<Map<string, Instrument>> {
  const found = new Map<string, Instrument>();
  for (const key of new Set(keys)) {
    const [exchange = '', ...rest] = key.split(':');
    const instrument = await cachedInstrument(exchange, rest.join(':'));
    if (instrument) found.set(key, instrument);
  }
  return found;
}
