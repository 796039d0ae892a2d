import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referencePrice } from './base-prices';
import { bundledInstrumentsCsvPath, loadBundledCsv, loadBundledInstruments } from './bundled';
import { bundledDerivatives } from './bundled-derivatives';
import { parseKiteInstrumentsCsvAll } from './parse-csv';
import { KITE_CSV_HEADER } from './csv-format';

const NIFTY_50 = [
  'ADANIENT', 'ADANIPORTS', 'APOLLOHOSP', 'ASIANPAINT', 'AXISBANK', 'BAJAJ-AUTO', 'BAJFINANCE', 'BAJAJFINSV', 'BEL', 'BHARTIARTL',
  'CIPLA', 'COALINDIA', 'DRREDDY', 'EICHERMOT', 'ETERNAL', 'GRASIM', 'HCLTECH', 'HDFCBANK', 'HDFCLIFE', 'HINDALCO',
  'HINDUNILVR', 'ICICIBANK', 'INDIGO', 'INFY', 'ITC', 'JIOFIN', 'JSWSTEEL', 'KOTAKBANK', 'LT', 'M&M',
  'MARUTI', 'MAXHEALTH', 'NESTLEIND', 'NTPC', 'ONGC', 'POWERGRID', 'RELIANCE', 'SBILIFE', 'SBIN', 'SHRIRAMFIN',
  'SUNPHARMA', 'TATACONSUM', 'TMPV', 'TATASTEEL', 'TCS', 'TECHM', 'TITAN', 'TRENT', 'ULTRACEMCO', 'WIPRO',
];

const raw = readFileSync(bundledInstrumentsCsvPath(), 'utf8');
const { instruments, report } = await parseKiteInstrumentsCsvAll(raw);
const find = (exchange: string, symbol: string) => instruments.find((i) => i.exchange === exchange && i.tradingsymbol === symbol);

describe('bundled instrument master', () => {
  it('is Kite CSV: exact header, CRLF line endings, trailing newline', () => {
    expect(raw.startsWith(`${KITE_CSV_HEADER}\r\n`)).toBe(true);
    expect(raw.endsWith('\r\n')).toBe(true);
    expect(raw.replaceAll('\r\n', '').includes('\n')).toBe(false);
  });

  it('parses completely with no bad rows', async () => {
    expect(report.badRowCount).toBe(0);
    expect(report.rows).toBe(62);
    expect(instruments).toHaveLength(raw.trimEnd().split('\r\n').length - 1);
    expect(await loadBundledCsv()).toEqual(instruments);
  });

  it('holds equities and indices only; the F&O contracts for the day are added on load', async () => {
    expect(instruments.filter((i) => i.instrumentType !== 'EQ')).toEqual([]);
    expect(await loadBundledInstruments({ today: '2027-02-10' })).toEqual([...instruments, ...bundledDerivatives('2027-02-10')]);
  });

  it('has every NIFTY 50 stock on NSE as an equity', () => {
    expect(NIFTY_50).toHaveLength(50);
    const nseEq = instruments.filter((i) => i.segment === 'NSE' && i.instrumentType === 'EQ').map((i) => i.tradingsymbol);
    expect(nseEq.sort()).toEqual([...NIFTY_50].sort());
    for (const i of instruments.filter((x) => x.segment === 'NSE')) {
      expect(i.lotSize).toBe(1);
      expect(i.expiry).toBeNull();
    }
  });

  it('has unique tokens and unique exchange+tradingsymbol, exchange_token = token >> 8, with the F&O of any day', async () => {
    for (const today of ['2026-11-22', '2027-02-10']) {
      const all = await loadBundledInstruments({ today });
      expect(new Set(all.map((i) => i.instrumentToken)).size).toBe(all.length);
      expect(new Set(all.map((i) => `${i.exchange}:${i.tradingsymbol}`)).size).toBe(all.length);
      for (const i of all) expect(i.exchangeToken, i.tradingsymbol).toBe(i.instrumentToken >> 8);
    }
  });

  it('uses the real Kite tokens for the big names', () => {
    const tokens = Object.fromEntries(instruments.filter((i) => i.exchange === 'NSE').map((i) => [i.tradingsymbol, i.instrumentToken]));
    expect(tokens).toMatchObject({
      INFY: 408065, RELIANCE: 738561, TCS: 2953217, HDFCBANK: 341249, ICICIBANK: 1270529, SBIN: 779521,
      'NIFTY 50': 256265, 'NIFTY BANK': 260105, 'INDIA VIX': 264969,
    });
    expect(find('BSE', 'RELIANCE')?.instrumentToken).toBe(128083204);
  });

  it('lists indices the way Kite does', () => {
    const indices = instruments.filter((i) => i.segment === 'INDICES');
    expect(indices.map((i) => i.tradingsymbol).sort()).toEqual(['INDIA VIX', 'NIFTY 50', 'NIFTY BANK', 'NIFTY FIN SERVICE', 'NIFTY MID SELECT', 'SENSEX']);
    for (const i of indices) expect([i.instrumentType, i.lotSize, i.tickSize]).toEqual(['EQ', 0, '0']);
  });

  it('has BSE equivalents of big names', () => {
    for (const s of ['INFY', 'RELIANCE', 'TCS']) expect(find('BSE', s)?.segment).toBe('BSE');
  });

  it('has a reference price for every instrument, and equity ticks match the price band', async () => {
    for (const i of await loadBundledInstruments({ today: '2027-02-10' })) {
      const price = referencePrice(i.exchange, i.tradingsymbol);
      expect(price, `${i.exchange}:${i.tradingsymbol}`).toMatch(/^\d+(\.\d+)?$/);
      if (i.segment === 'NSE' || i.segment === 'BSE') expect(i.tickSize).toBe(Number(price) < 250 ? '0.01' : '0.05');
    }
    expect(referencePrice('NSE', 'NOPE')).toBeNull();
  });
});
