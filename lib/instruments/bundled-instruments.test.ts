import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referencePrice } from './base-prices';
import { bundledInstrumentsCsvPath, loadBundledInstruments } from './bundled';
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
    expect(report.rows).toBe(142);
    expect(instruments).toHaveLength(raw.trimEnd().split('\r\n').length - 1);
    expect(await loadBundledInstruments()).toEqual(instruments);
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

  it('has unique tokens and unique exchange+tradingsymbol, exchange_token = token >> 8', () => {
    expect(new Set(instruments.map((i) => i.instrumentToken)).size).toBe(instruments.length);
    expect(new Set(instruments.map((i) => `${i.exchange}:${i.tradingsymbol}`)).size).toBe(instruments.length);
    for (const i of instruments) expect(i.exchangeToken, i.tradingsymbol).toBe(i.instrumentToken >> 8);
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

  it('gives index derivatives the Jan-2026 lot sizes', () => {
    const lots: Record<string, number> = { NIFTY: 65, BANKNIFTY: 30, FINNIFTY: 60, MIDCPNIFTY: 120 };
    const fno = instruments.filter((i) => i.exchange === 'NFO');
    expect(fno.length).toBe(4 * 2 + 2 * 2 * 18);
    for (const i of fno) expect(i.lotSize, i.tradingsymbol).toBe(lots[i.name]);
    expect(fno.filter((i) => i.name === 'NIFTY' && i.instrumentType !== 'FUT')).toHaveLength(36);
    expect(fno.filter((i) => i.name === 'BANKNIFTY' && i.instrumentType !== 'FUT')).toHaveLength(36);
  });

  it('names and dates F&O contracts like Kite, expiring on the last Tuesday (holiday-adjusted)', () => {
    const fno = instruments.filter((i) => i.exchange === 'NFO');
    const expiryByCode: Record<string, string> = { '26DEC': '2026-12-29', '27JAN': '2027-01-25' };
    for (const i of fno) {
      const m = /^([A-Z]+)(26DEC|27JAN)(\d+)?(FUT|CE|PE)$/.exec(i.tradingsymbol);
      expect(m, i.tradingsymbol).not.toBeNull();
      if (!m) continue;
      expect(m[1]).toBe(i.name);
      expect(i.expiry).toBe(expiryByCode[m[2] ?? '']);
      expect(i.instrumentType).toBe(m[4]);
      expect(i.segment).toBe(i.instrumentType === 'FUT' ? 'NFO-FUT' : 'NFO-OPT');
      if (i.instrumentType === 'FUT') {
        expect([m[3], i.strike]).toEqual([undefined, '0']);
      } else {
        expect(m[3]).toBe(i.strike);
        expect(Number(i.strike) % (i.name === 'NIFTY' ? 50 : 100)).toBe(0);
        expect(i.tickSize).toBe('0.05');
      }
    }
    expect(find('NFO', 'NIFTY26DEC26500CE')?.strike).toBe('26500');
    expect(find('NFO', 'BANKNIFTY27JANFUT')?.expiry).toBe('2027-01-25');
  });

  it('has a reference price for every instrument, and equity ticks match the price band', () => {
    for (const i of instruments) {
      const price = referencePrice(i.exchange, i.tradingsymbol);
      expect(price, `${i.exchange}:${i.tradingsymbol}`).toMatch(/^\d+(\.\d+)?$/);
      if (i.segment === 'NSE' || i.segment === 'BSE') expect(i.tickSize).toBe(Number(price) < 250 ? '0.01' : '0.05');
    }
    expect(referencePrice('NSE', 'NOPE')).toBeNull();
  });
});
