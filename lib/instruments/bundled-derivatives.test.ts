import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nearMonthFuture, nearMonthOption, nextMonthFuture } from '@/tests/support/contracts';
import { referencePrice } from './base-prices';
import { bundledDerivativeRows, bundledDerivatives, futureSymbol, listedExpiries, monthlyExpiry, optionSymbol } from './bundled-derivatives';
import { formatKiteCsvRow } from './csv-format';

const LOTS: Record<string, number> = { NIFTY: 65, BANKNIFTY: 30, FINNIFTY: 60, MIDCPNIFTY: 120 };
const symbols = (today: string) => bundledDerivatives(today).map((i) => i.tradingsymbol);

describe('monthly expiries', () => {
  it('take the last Tuesday, moved back over exchange holidays', () => {
    expect(monthlyExpiry({ year: 2026, month: 12 })).toBe('2026-12-29');
    // 24 Nov 2026 is Guru Nanak Jayanti (NSE list), 26 Jan 2027 Republic Day: both move to the Monday.
    expect(monthlyExpiry({ year: 2026, month: 11 })).toBe('2026-11-23');
    expect(monthlyExpiry({ year: 2027, month: 1 })).toBe('2027-01-25');
    expect(monthlyExpiry({ year: 2027, month: 2 })).toBe('2027-02-23');
  });

  it('list the near and next month, rolling the day after the near one expires', () => {
    expect(listedExpiries('2026-11-22')).toEqual(['2026-11-23', '2026-12-29']);
    expect(listedExpiries('2026-12-29')).toEqual(['2026-12-29', '2027-01-25']);
    expect(listedExpiries('2026-12-30')).toEqual(['2027-01-25', '2027-02-23']);
    expect(listedExpiries('2027-12-31')).toEqual(['2028-01-25', '2028-02-29']);
  });
});

describe('bundled index F&O contracts', () => {
  it('are the rows the bundled CSV used to ship for Dec 2026 and Jan 2027, tokens included', () => {
    const lines = bundledDerivativeRows('2026-12-01').map(formatKiteCsvRow);
    expect(lines).toHaveLength(80);
    expect(lines[0]).toBe('9241602,36100,NIFTY26DECFUT,NIFTY,0.0,2026-12-29,0.0,0.05,65,FUT,NFO-FUT,NFO');
    expect(lines[9]).toBe('9243906,36109,NIFTY26DEC26500CE,NIFTY,0.0,2026-12-29,26500.0,0.05,65,CE,NFO-OPT,NFO');
    expect(lines[20]).toBe('9246722,36120,BANKNIFTY26DEC59600CE,BANKNIFTY,0.0,2026-12-29,59600.0,0.05,30,CE,NFO-OPT,NFO');
    expect(lines[79]).toBe('9261826,36179,MIDCPNIFTY27JANFUT,MIDCPNIFTY,0.0,2027-01-25,0.0,0.05,120,FUT,NFO-FUT,NFO');
  });

  it.each(['2026-11-22', '2027-02-10', '2031-07-15'])('are well-formed Kite contracts on %s', (today) => {
    const [near, next] = listedExpiries(today);
    const fno = bundledDerivatives(today);
    expect(fno).toHaveLength(2 * (2 + 2 * 19));
    for (const i of fno) {
      const m = /^([A-Z]+)(\d{2}[A-Z]{3})(\d+)?(FUT|CE|PE)$/.exec(i.tradingsymbol);
      expect(m, i.tradingsymbol).not.toBeNull();
      expect(m?.[1]).toBe(i.name);
      expect([near, next]).toContain(i.expiry);
      expect((i.expiry ?? '') >= today).toBe(true);
      expect(i.lotSize, i.tradingsymbol).toBe(LOTS[i.name]);
      expect(i.tickSize).toBe('0.05');
      expect(i.exchangeToken).toBe(i.instrumentToken >> 8);
      expect(i.instrumentToken % 256).toBe(2);
      expect(i.segment).toBe(i.instrumentType === 'FUT' ? 'NFO-FUT' : 'NFO-OPT');
      if (i.instrumentType !== 'FUT') expect(m?.[3]).toBe(i.strike);
      expect(referencePrice(i.exchange, i.tradingsymbol), i.tradingsymbol).toMatch(/^\d+\.\d{2}$/);
    }
    const niftyStrikes = fno.filter((i) => i.name === 'NIFTY' && i.instrumentType === 'CE' && i.expiry === near).map((i) => Number(i.strike));
    expect(niftyStrikes).toEqual([26300, 26350, 26400, 26450, 26500, 26550, 26600, 26650, 26700]);
  });

  it('never give two contracts the same token, whichever months are listed', () => {
    const byToken = new Map<number, string>();
    const expiries = new Set<string | null>();
    for (let day = 0; day < 3 * 366; day += 5) {
      const today = new Date(Date.UTC(2026, 10, 1 + day)).toISOString().slice(0, 10);
      for (const i of bundledDerivatives(today)) {
        expiries.add(i.expiry);
        expect(byToken.get(i.instrumentToken) ?? i.tradingsymbol, String(i.instrumentToken)).toBe(i.tradingsymbol);
        byToken.set(i.instrumentToken, i.tradingsymbol);
      }
    }
    expect(byToken.size).toBe(expiries.size * 40);
  });

  it('are named by role for a given day', () => {
    expect(futureSymbol({ underlying: 'NIFTY', today: '2026-12-30' })).toBe('NIFTY27JANFUT');
    expect(futureSymbol({ underlying: 'BANKNIFTY', month: 'next', today: '2026-12-30' })).toBe('BANKNIFTY27FEBFUT');
    expect(optionSymbol({ underlying: 'NIFTY', strike: 26500, type: 'PE', today: '2027-02-10' })).toBe('NIFTY27FEB26500PE');
    expect(symbols('2027-02-10')).toContain('NIFTY27MAR26700CE');
  });
});

describe('on whatever day the suite runs', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('default to the IST date of the clock, and the test helpers agree', () => {
    // 20:00 UTC on 23 Feb 2027 is already the 24th in India: February's contracts expired on the 23rd.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2027-02-23T20:00:00Z') });
    expect(listedExpiries('2027-02-24')).toEqual(['2027-03-30', '2027-04-27']);
    expect(bundledDerivatives().map((i) => i.expiry)).not.toContain('2027-02-23');
    expect(nearMonthFuture('NIFTY')).toBe('NIFTY27MARFUT');
    expect(nextMonthFuture('FINNIFTY')).toBe('FINNIFTY27APRFUT');
    expect(nearMonthOption('NIFTY', 26500, 'CE')).toBe('NIFTY27MAR26500CE');
    expect(symbols('2027-02-24')).toContain(nearMonthOption('BANKNIFTY', 60000, 'PE'));
  });

  it('are what the bundled CSV no longer holds', () => {
    const csv = readFileSync(path.join(import.meta.dirname, 'data', 'bundled-instruments.csv'), 'utf8');
    expect(csv).not.toMatch(/,NFO\r\n/);
  });
});
