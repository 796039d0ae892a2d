import { describe, expect, it } from 'vitest';
import { isIndexUnderlying, underlyingOf } from './underlying';

describe('underlyingOf', () => {
  it('maps index F&O names to the index rows', () => {
    expect(underlyingOf({ exchange: 'NFO', name: 'NIFTY' })).toEqual({ exchange: 'NSE', tradingsymbol: 'NIFTY 50' });
    expect(underlyingOf({ exchange: 'NFO', name: 'BANKNIFTY' })).toEqual({ exchange: 'NSE', tradingsymbol: 'NIFTY BANK' });
    expect(underlyingOf({ exchange: 'BFO', name: 'SENSEX' })).toEqual({ exchange: 'BSE', tradingsymbol: 'SENSEX' });
  });

  it('maps stock F&O to the stock on the contract’s cash venue', () => {
    expect(underlyingOf({ exchange: 'NFO', name: 'INFY' })).toEqual({ exchange: 'NSE', tradingsymbol: 'INFY' });
    expect(underlyingOf({ exchange: 'BFO', name: 'RELIANCE' })).toEqual({ exchange: 'BSE', tradingsymbol: 'RELIANCE' });
  });

  it('has no underlying for cash-market rows or nameless contracts', () => {
    expect(underlyingOf({ exchange: 'NSE', name: 'INFOSYS' })).toBeNull();
    expect(underlyingOf({ exchange: 'NFO', name: '' })).toBeNull();
  });

  it('tells index underlyings from stocks', () => {
    expect(isIndexUnderlying('MIDCPNIFTY')).toBe(true);
    expect(isIndexUnderlying('INFY')).toBe(false);
    expect(isIndexUnderlying('toString')).toBe(false);
  });
});
