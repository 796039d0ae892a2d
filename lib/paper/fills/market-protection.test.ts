import { describe, expect, it } from 'vitest';
import { automaticProtectionPercent, protectionPercent, protectionPrice } from './market-protection';

describe('automaticProtectionPercent', () => {
  it("follows Zerodha's bands for equity and futures", () => {
    expect(automaticProtectionPercent('99.95').toString()).toBe('2');
    expect(automaticProtectionPercent('100').toString()).toBe('1');
    expect(automaticProtectionPercent('500').toString()).toBe('1');
    expect(automaticProtectionPercent('500.05', 'FUT').toString()).toBe('0.5');
    expect(automaticProtectionPercent('26606', 'FUT').toString()).toBe('0.5');
  });

  it("follows Zerodha's bands for options", () => {
    expect(automaticProtectionPercent('9.95', 'CE').toString()).toBe('5');
    expect(automaticProtectionPercent('10', 'PE').toString()).toBe('3');
    expect(automaticProtectionPercent('99.95', 'CE').toString()).toBe('3');
    expect(automaticProtectionPercent('100', 'CE').toString()).toBe('2');
    expect(automaticProtectionPercent('500', 'PE').toString()).toBe('2');
    expect(automaticProtectionPercent('522.40', 'CE').toString()).toBe('1');
  });
});

describe('protectionPercent', () => {
  it('treats absent and -1 as automatic and otherwise uses the given percentage', () => {
    expect(protectionPercent(undefined, '90').toString()).toBe('2');
    expect(protectionPercent(-1, '90').toString()).toBe('2');
    expect(protectionPercent(7.5, '90').toString()).toBe('7.5');
  });
});

describe('protectionPrice', () => {
  it("reproduces Zerodha's example: LTP 90, BUY → 91.80", () => {
    expect(protectionPrice({ transactionType: 'BUY', lastPrice: '90', percent: 2, tickSize: '0.05' }).toString()).toBe('91.8');
    expect(protectionPrice({ transactionType: 'SELL', lastPrice: '90', percent: 2, tickSize: '0.05' }).toString()).toBe('88.2');
  });

  it('rounds towards the LTP so the band is never exceeded', () => {
    // 1618.95 × 1.005 = 1627.04475 → 1627.00; 1618.95 × 0.995 = 1610.85525 → 1610.90
    expect(protectionPrice({ transactionType: 'BUY', lastPrice: '1618.95', percent: '0.5', tickSize: '0.05' }).toString()).toBe('1627');
    expect(protectionPrice({ transactionType: 'SELL', lastPrice: '1618.95', percent: '0.5', tickSize: '0.05' }).toString()).toBe('1610.9');
  });

  it('never goes below one tick for a SELL', () => {
    expect(protectionPrice({ transactionType: 'SELL', lastPrice: '3.40', percent: 100, tickSize: '0.05' }).toString()).toBe('0.05');
  });
});
