import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { fallbackBasePrice, nseEquityTickSize } from './fallbacks';

describe('nseEquityTickSize', () => {
  it('follows the NSE price bands', () => {
    const cases: [string, string][] = [
      ['249.99', '0.01'],
      ['250', '0.05'],
      ['1000', '0.05'],
      ['1000.10', '0.1'],
      ['5000', '0.1'],
      ['7600', '0.5'],
      ['10000.5', '1'],
      ['20000', '1'],
      ['86500', '5'],
    ];
    for (const [price, tick] of cases) expect(nseEquityTickSize(price).toString()).toBe(tick);
  });
});

describe('fallbackBasePrice', () => {
  it('is stable per symbol, plausible and on the tick', () => {
    const symbols = ['NSE:AAA', 'NSE:BBB', 'NSE:CCC', 'BSE:XYZ', 'NSE:SOMETHING-ELSE', 'NSE:M&M'];
    const prices = symbols.map((s) => fallbackBasePrice(s));
    expect(symbols.map((s) => fallbackBasePrice(s))).toEqual(prices);
    expect(new Set(prices).size).toBeGreaterThan(3);
    for (const price of prices) {
      const value = new Decimal(price);
      expect(value.gte(60) && value.lte(3500)).toBe(true);
      expect(value.mod(nseEquityTickSize(value)).isZero()).toBe(true);
    }
  });

  it('uses the given tick size', () => {
    expect(new Decimal(fallbackBasePrice('NSE:AAA', '0.05')).mod('0.05').isZero()).toBe(true);
    expect(fallbackBasePrice('NSE:AAA', '1')).toMatch(/\.00$/);
  });
});
