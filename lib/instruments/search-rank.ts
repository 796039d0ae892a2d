/**
 * Pure ranking for instrument search. Tiers, best first: exact tradingsymbol, tradingsymbol prefix,
 * prefix of a word in the name, then fuzzy (small edit distance, or the query's letters in order).
 * Inside a tier: an exchange named in the query ("BSE:INFY") first, equities and indices before
 * derivatives, equities by shorter symbol then NSE before BSE, derivatives by nearest expiry.
 */
export type RankableInstrument = {
  tradingsymbol: string;
  name: string;
  exchange: string;
  instrumentType: string;
  expiry: string | null;
  strike?: string;
};

export type MatchKind = 'exact' | 'symbol-prefix' | 'name-prefix' | 'fuzzy';
export type RankedInstrument<T> = { instrument: T; match: MatchKind };

export type RankOptions = {
  /** Maximum results (default 20). */
  limit?: number;
  /** yyyy-mm-dd; contracts that expired before this day are dropped. */
  today?: string;
};

export type SearchQuery = { text: string; exchange: string | null };

const EXCHANGE_PREFIX = /^(NSE|BSE|NFO|BFO|MCX|CDS|BCD|NCO)\s*:\s*/;
const TIER: Record<MatchKind, number> = { exact: 0, 'symbol-prefix': 1, 'name-prefix': 2, fuzzy: 3 };
const EXCHANGE_RANK: Record<string, number> = { NSE: 0, BSE: 1 };
const MIN_FUZZY_LENGTH = 3;

/** Uppercases, trims, collapses whitespace and splits off an `NSE:`-style exchange prefix. */
export function parseSearchQuery(raw: string): SearchQuery {
  const text = raw.toUpperCase().replace(/\s+/g, ' ').trim();
  const m = EXCHANGE_PREFIX.exec(text);
  if (!m) return { text, exchange: null };
  return { text: text.slice(m[0].length).trim(), exchange: m[1] ?? null };
}

/** The query text used for matching: `parseSearchQuery(raw).text`. */
export function normalizeQuery(raw: string): string {
  return parseSearchQuery(raw).text;
}

/** Optimal-string-alignment distance (adjacent transpositions cost 1), or `max + 1` once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/** Where the query's letters start appearing in order in `s`, and how many characters they skip. */
function subsequence(query: string, s: string): { start: number; gap: number } | null {
  let from = 0;
  let start = -1;
  for (const ch of query) {
    const at = s.indexOf(ch, from);
    if (at === -1) return null;
    if (start === -1) start = at;
    from = at + 1;
  }
  return { start, gap: from - start - query.length };
}

/** Index where the whole-word tokens ("NIFTY", "26500", "CE") appear in order in `s`, or -1. */
function tokensInOrder(tokens: readonly string[], s: string): number {
  let from = 0;
  let start = -1;
  for (const t of tokens) {
    const at = s.indexOf(t, from);
    if (at === -1) return -1;
    if (start === -1) start = at;
    from = at + t.length;
  }
  return start;
}

function startsAtWord(name: string, q: string): boolean {
  for (let i = name.indexOf(q); i !== -1; i = name.indexOf(q, i + 1)) {
    if (i === 0 || !/[A-Z0-9]/.test(name.charAt(i - 1))) return true;
  }
  return false;
}

type Scored<T> = { instrument: T; match: MatchKind; cost: number; key: SortKey };
type SortKey = {
  hint: number;
  derivative: number;
  underlying: number;
  symLen: number;
  exch: number;
  expiry: string;
  futFirst: number;
  strike: number;
  callFirst: number;
};

// Fuzzy costs, lower is better: 1-2 edits, then all query words in order, then letters in order.
// Matches that start at the symbol's first character beat ones buried inside it (NIFTY vs MIDCPNIFTY).
function matchOf(sym: string, name: string, q: string, qc: string, tokens: readonly string[]): { match: MatchKind; cost: number } | null {
  const symCompact = sym.includes(' ') ? sym.replaceAll(' ', '') : sym;
  if (sym === q || symCompact === qc) return { match: 'exact', cost: 0 };
  if (sym.startsWith(q) || symCompact.startsWith(qc)) return { match: 'symbol-prefix', cost: 0 };
  if (startsAtWord(name, q)) return { match: 'name-prefix', cost: 0 };
  if (qc.length < MIN_FUZZY_LENGTH) return null;
  const maxEdits = qc.length <= 5 ? 1 : 2;
  const whole = editDistance(qc, symCompact, maxEdits);
  const head = symCompact.length > qc.length ? editDistance(qc, symCompact.slice(0, qc.length), maxEdits) : maxEdits + 1;
  const edits = Math.min(whole, head);
  if (edits <= maxEdits) return { match: 'fuzzy', cost: edits };
  if (tokens.length > 1) {
    const at = tokensInOrder(tokens, sym);
    if (at !== -1) return { match: 'fuzzy', cost: 3 + (at === 0 ? 0 : 1) };
  }
  const sub = subsequence(qc, symCompact);
  // The gap term only orders matches within the same start class.
  return sub === null ? null : { match: 'fuzzy', cost: 5 + (sub.start === 0 ? 0 : 1) + sub.gap / 1000 };
}

function compare<T extends RankableInstrument>(a: Scored<T>, b: Scored<T>): number {
  const x = a.key;
  const y = b.key;
  return (
    TIER[a.match] - TIER[b.match] ||
    a.cost - b.cost ||
    x.hint - y.hint ||
    x.derivative - y.derivative ||
    (x.derivative === 0
      ? x.symLen - y.symLen || x.exch - y.exch
      : x.underlying - y.underlying || (x.expiry < y.expiry ? -1 : x.expiry > y.expiry ? 1 : 0) || x.futFirst - y.futFirst || x.strike - y.strike || x.callFirst - y.callFirst) ||
    // Code-unit order, not localeCompare, so results do not depend on the server's locale.
    (a.instrument.tradingsymbol < b.instrument.tradingsymbol ? -1 : a.instrument.tradingsymbol > b.instrument.tradingsymbol ? 1 : 0) ||
    x.exch - y.exch
  );
}

/** Ranks `candidates` for a raw user query; non-matching candidates are left out. */
export function rankInstruments<T extends RankableInstrument>(rawQuery: string, candidates: readonly T[], options: RankOptions = {}): RankedInstrument<T>[] {
  const { text: q, exchange } = parseSearchQuery(rawQuery);
  if (q === '') return [];
  const qc = q.replaceAll(' ', '');
  const tokens = q.split(' ');
  const firstWord = tokens[0] ?? q;
  const scored: Scored<T>[] = [];
  for (const inst of candidates) {
    if (options.today && inst.expiry !== null && inst.expiry < options.today) continue;
    const m = matchOf(inst.tradingsymbol.toUpperCase(), inst.name.toUpperCase(), q, qc, tokens);
    if (!m) continue;
    const derivative = inst.instrumentType === 'EQ' ? 0 : 1;
    scored.push({
      instrument: inst,
      match: m.match,
      cost: m.cost,
      key: {
        hint: exchange === null || inst.exchange === exchange ? 0 : 1,
        derivative,
        underlying: inst.name.toUpperCase() === firstWord ? 0 : 1,
        symLen: inst.tradingsymbol.length,
        exch: EXCHANGE_RANK[inst.exchange] ?? 2,
        // '~' sorts after any date, so undated rows go last.
        expiry: inst.expiry ?? '~',
        futFirst: inst.instrumentType === 'FUT' ? 0 : 1,
        // Ordering only: parsing decimal strings to doubles is monotonic, so no money arithmetic happens here.
        strike: Number(inst.strike ?? 0) || 0,
        callFirst: inst.instrumentType === 'PE' ? 1 : 0,
      },
    });
  }
  scored.sort(compare);
  return scored.slice(0, Math.max(0, options.limit ?? 20)).map(({ instrument, match }) => ({ instrument, match }));
}
