import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledInstrumentsCsvPath } from './bundled';
import { bundledDerivatives } from './bundled-derivatives';
import { parseKiteInstrumentsCsvAll } from './parse-csv';
import { editDistance, normalizeQuery, parseSearchQuery, rankInstruments, type RankableInstrument } from './search-rank';

// The bundled master as listed on 1 Dec 2026 (Dec 2026 and Jan 2027 contracts), a fixed day so the
// expected symbols below never change.
const { instruments: csv } = await parseKiteInstrumentsCsvAll(readFileSync(bundledInstrumentsCsvPath(), 'utf8'));
const bundled = [...csv, ...bundledDerivatives('2026-12-01')];
const eq = (tradingsymbol: string, name: string, exchange = 'NSE'): RankableInstrument => ({ tradingsymbol, name, exchange, instrumentType: 'EQ', expiry: null });
const extras = [eq('INFIBEAM', 'INFIBEAM AVENUES'), eq('TATAPOWER', 'TATA POWER CO')];
// Reverse order so that passing tests cannot rely on input order.
const universe: RankableInstrument[] = [...bundled, ...extras].reverse();
const symbols = (q: string, opts?: Parameters<typeof rankInstruments>[2]) => rankInstruments(q, universe, opts).map((r) => r.instrument.tradingsymbol);

describe('normalizeQuery', () => {
  it('uppercases, trims, collapses spaces and strips an exchange prefix', () => {
    expect(normalizeQuery('  nse:infy ')).toBe('INFY');
    expect(normalizeQuery('nifty \t  bank')).toBe('NIFTY BANK');
    expect(normalizeQuery('NFO : nifty26decfut')).toBe('NIFTY26DECFUT');
    expect(normalizeQuery('m&m')).toBe('M&M');
    expect(normalizeQuery('   ')).toBe('');
    expect(parseSearchQuery('bse:reliance')).toEqual({ text: 'RELIANCE', exchange: 'BSE' });
    expect(parseSearchQuery('reliance')).toEqual({ text: 'RELIANCE', exchange: null });
  });
});

describe('rankInstruments', () => {
  it('puts exact tradingsymbol first, NSE before BSE, then prefixes', () => {
    const r = rankInstruments('infy', universe, { limit: 3 });
    expect(r.map((x) => [x.instrument.tradingsymbol, x.instrument.exchange, x.match])).toEqual([
      ['INFY', 'NSE', 'exact'],
      ['INFY', 'BSE', 'exact'],
      ['INFIBEAM', 'NSE', 'fuzzy'],
    ]);
  });

  it('prefers the exchange named in the query', () => {
    expect(rankInstruments('BSE:INFY', universe, { limit: 2 }).map((x) => x.instrument.exchange)).toEqual(['BSE', 'NSE']);
  });

  it('ranks symbol prefixes by length, then name-word prefixes', () => {
    // TCS and TMPV match through their names ("TATA CONSULTANCY ...", "TATA MOTORS ...").
    expect(rankInstruments('tata', universe).map((x) => [x.instrument.tradingsymbol, x.match])).toEqual([
      ['TATAPOWER', 'symbol-prefix'],
      ['TATASTEEL', 'symbol-prefix'],
      ['TATACONSUM', 'symbol-prefix'],
      ['TCS', 'name-prefix'],
      ['TCS', 'name-prefix'],
      ['TMPV', 'name-prefix'],
      ['TITAN', 'fuzzy'],
    ]);
    const steel = rankInstruments('steel', universe);
    expect(steel.map((x) => [x.instrument.tradingsymbol, x.match])).toEqual([
      ['JSWSTEEL', 'name-prefix'],
      ['TATASTEEL', 'name-prefix'],
    ]);
    expect(symbols('INFOSYS', { limit: 2 })).toEqual(['INFY', 'INFY']);
    expect(symbols('state bank')).toEqual(['SBIN', 'SBIN']);
  });

  it('does not treat a mid-word substring of the name as a name prefix', () => {
    expect(rankInstruments('ANK', universe).filter((x) => x.match === 'name-prefix')).toEqual([]);
  });

  it('lists equities and indices before derivatives, then F&O by nearest expiry', () => {
    const nifty = symbols('nifty', { limit: 8 });
    expect(nifty).toEqual([
      'NIFTY 50', 'NIFTY BANK', 'NIFTY MID SELECT', 'NIFTY FIN SERVICE',
      'NIFTY26DECFUT', 'NIFTY26DEC26300CE', 'NIFTY26DEC26300PE', 'NIFTY26DEC26350CE',
    ]);
    const all = rankInstruments('BANKNIFTY', universe, { limit: 100 }).map((x) => x.instrument);
    expect(all).toHaveLength(38);
    expect(all[0]?.tradingsymbol).toBe('BANKNIFTY26DECFUT');
    const expiries = all.map((i) => i.expiry ?? '');
    expect(expiries).toEqual([...expiries].sort());
    expect(all[19]?.tradingsymbol).toBe('BANKNIFTY27JANFUT');
  });

  it('drops expired contracts when given today', () => {
    expect(symbols('banknifty', { today: '2026-12-30', limit: 1 })).toEqual(['BANKNIFTY27JANFUT']);
    expect(symbols('banknifty', { today: '2026-12-29', limit: 1 })).toEqual(['BANKNIFTY26DECFUT']);
    expect(symbols('INFY', { today: '2099-01-01', limit: 1 })).toEqual(['INFY']);
  });

  it('matches "NIFTY 26500 CE" style queries to option contracts, nearest expiry first', () => {
    expect(symbols('nifty 26500 ce', { limit: 2 })).toEqual(['NIFTY26DEC26500CE', 'NIFTY27JAN26500CE']);
  });

  it('finds typos by edit distance, closest first', () => {
    expect(rankInstruments('RELAINCE', universe).map((x) => [x.instrument.tradingsymbol, x.instrument.exchange, x.match]).slice(0, 2)).toEqual([
      ['RELIANCE', 'NSE', 'fuzzy'],
      ['RELIANCE', 'BSE', 'fuzzy'],
    ]);
    expect(symbols('HDFCBNK', { limit: 1 })).toEqual(['HDFCBANK']);
    expect(symbols('banknifyt', { limit: 1 })).toEqual(['BANKNIFTY26DECFUT']);
    expect(symbols('HDBK', { limit: 2 })).toEqual(['HDFCBANK', 'HDFCBANK']);
  });

  it('returns nothing for empty or unmatched queries and honours limit', () => {
    expect(rankInstruments('', universe)).toEqual([]);
    expect(rankInstruments('nse:', universe)).toEqual([]);
    expect(rankInstruments('QQQQZZ', universe)).toEqual([]);
    expect(rankInstruments('XY', universe)).toEqual([]);
    expect(rankInstruments('N', universe, { limit: 7 })).toHaveLength(7);
  });
});

describe('editDistance', () => {
  it('counts substitutions, insertions and adjacent transpositions', () => {
    expect(editDistance('RELIANCE', 'RELIANCE', 2)).toBe(0);
    expect(editDistance('RELAINCE', 'RELIANCE', 2)).toBe(1);
    expect(editDistance('HDFCBNK', 'HDFCBANK', 2)).toBe(1);
    expect(editDistance('TCS', 'ITC', 2)).toBe(2);
    expect(editDistance('ABCDEF', 'UVWXYZ', 2)).toBe(3);
    expect(editDistance('A', 'ABCD', 1)).toBe(2);
  });
});
