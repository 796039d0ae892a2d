import { describe, expect, it } from 'vitest';
import { referencePrice } from './base-prices';
import { derivativeReferencePrice } from './derivative-reference-price';

const spots: Record<string, string> = { 'NSE:NIFTY 50': '26500', 'NSE:INFY': '1600', 'BSE:SENSEX': '86500' };
const price = (exchange: string, tradingsymbol: string) =>
  derivativeReferencePrice({ exchange, tradingsymbol }, (u) => spots[`${u.exchange}:${u.tradingsymbol}`] ?? null);

describe('derivativeReferencePrice', () => {
  it('puts futures 0.4% over spot, on the 0.05 tick', () => {
    expect(price('NFO', 'NIFTY26DECFUT')).toBe('26606.00');
    expect(price('NFO', 'INFY27MARFUT')).toBe('1606.40');
    expect(price('BFO', 'SENSEX27JANFUT')).toBe('86846.00');
  });

  it('prices options at intrinsic value against the future plus a time value that fades away from the money', () => {
    // Forward 26606: the 26500 call is 106 in the money; time value 265 × 530 / (530 + 106) = 220.83.
    expect(price('NFO', 'NIFTY26DEC26500CE')).toBe('326.85');
    expect(price('NFO', 'NIFTY26DEC26500PE')).toBe('220.85');
    const call = (strike: number) => Number(price('NFO', `NIFTY26DEC${strike}CE`));
    expect(call(26300)).toBeGreaterThan(call(26500));
    expect(call(26500)).toBeGreaterThan(call(26700));
    // Deep in the money it is almost all intrinsic; far out of it, almost nothing but never below a tick.
    expect(call(20000) - 6606).toBeLessThan(20);
    expect(price('NFO', 'NIFTY26DEC90000CE')).toBe('2.20');
    expect(price('NFO', 'NIFTY26DEC9000000CE')).toBe('0.05');
  });

  it('does not depend on the month, so a contract keeps its level from one day to the next', () => {
    expect(price('NFO', 'NIFTY27FEB26500CE')).toBe(price('NFO', 'NIFTY26DEC26500CE'));
  });

  it('is null for what it cannot derive', () => {
    expect(price('NFO', 'NIFTY26D2926500CE')).toBeNull(); // weekly symbol
    expect(price('NFO', 'TCS26DECFUT')).toBeNull(); // no level for TCS here
    expect(price('MCX', 'CRUDEOIL26DECFUT')).toBeNull();
    expect(price('NSE', 'INFY')).toBeNull();
  });

  it('feeds the app-wide referencePrice for any month', () => {
    expect(referencePrice('NFO', 'BANKNIFTY31JULFUT')).toBe('60240.00');
    expect(referencePrice('NSE', 'NIFTY 50')).toBe('26500');
  });
});
