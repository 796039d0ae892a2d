import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { parseSearchQuery, rankInstruments } from '@/lib/instruments/search-rank';
import { type Instrument, toInstrument } from '@/lib/instruments/find-instrument';

export const InstrumentSearchQuerySchema = z.object({
  q: z
    .string({ error: 'Add ?q= with a symbol or company name.' })
    .trim()
    .min(1, 'Add ?q= with a symbol or company name.')
    .max(50, 'Search for at most 50 characters.'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** Kite's field names, as the order ticket and scripts expect them. */
export type InstrumentSearchResult = {
  exchange: string;
  tradingsymbol: string;
  name: string;
  instrument_type: string;
  segment: string;
  expiry: string | null;
  strike: number;
  tick_size: number;
  lot_size: number;
  instrument_token: number;
};

const CANDIDATES = 300;
const FUZZY_CANDIDATES = 3_000;

function istToday(now: Date): string {
  return new Date(now.getTime() + 330 * 60_000).toISOString().slice(0, 10);
}

function toResult(i: Instrument): InstrumentSearchResult {
  return {
    exchange: i.exchange,
    tradingsymbol: i.tradingsymbol,
    name: i.name,
    instrument_type: i.instrumentType,
    segment: i.segment,
    expiry: i.expiry,
    // Decimal text → JSON number keeps the exact spelling ("0.05"), as Kite sends them.
    strike: Number(i.strike),
    tick_size: Number(i.tickSize),
    lot_size: i.lotSize,
    instrument_token: i.instrumentToken,
  };
}

/**
 * Prefix and fuzzy search over the shared instrument master. The database narrows ~100k rows to a
 * few hundred plausible candidates (symbol prefix, name word prefix, and same-initial equities for
 * typos); the pure ranker orders them.
 */
export async function searchInstruments({ q, limit = 20, now = new Date() }: { q: string; limit?: number; now?: Date }): Promise<InstrumentSearchResult[]> {
  const { text, exchange } = parseSearchQuery(q);
  // Only characters that occur in symbols and names reach LIKE, so no wildcard can be smuggled in.
  const term = text.replace(/[^A-Z0-9 &.-]/g, '').trim();
  if (term === '') return [];
  const today = new Date(`${istToday(now)}T00:00:00Z`);
  const live = { OR: [{ expiry: null }, { expiry: { gte: today } }] };
  const scope = exchange ? { exchange } : {};
  const symbol = term.replaceAll(' ', '');
  const [bySymbol, byName, byInitial] = await Promise.all([
    db().instrument.findMany({ where: { ...scope, ...live, tradingsymbol: { startsWith: symbol } }, take: CANDIDATES, orderBy: { tradingsymbol: 'asc' } }),
    // Kite's names are upper case, so a case-sensitive LIKE (several times cheaper than ILIKE) finds
    // word prefixes; derivatives are reached through their symbols, so names are searched on equities and indices.
    db().instrument.findMany({ where: { ...scope, instrumentType: 'EQ', OR: [{ name: { startsWith: term } }, { name: { contains: ` ${term}` } }] }, take: CANDIDATES }),
    term.length >= 3
      ? db().instrument.findMany({ where: { ...scope, instrumentType: 'EQ', tradingsymbol: { startsWith: symbol.slice(0, 1) } }, take: FUZZY_CANDIDATES })
      : Promise.resolve([]),
  ]);
  const unique = new Map([...bySymbol, ...byName, ...byInitial].map((row) => [row.id, toInstrument(row)]));
  return rankInstruments(q, [...unique.values()], { limit, today: istToday(now) }).map((r) => toResult(r.instrument));
}
