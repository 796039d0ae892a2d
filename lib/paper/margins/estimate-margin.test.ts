import { describe, expect, it } from 'vitest';
import { estimateBasketMargin, estimateOrderMargin, type MarginEstimateInput } from './estimate-margin';

const equity: MarginEstimateInput = {
  exchange: 'NSE',
  segment: 'EQ',
  product: 'CNC',
  transactionType: 'BUY',
  quantity: 10,
  price: '1500',
};

const niftyFut: MarginEstimateInput = {
  exchange: 'NFO',
  segment: 'FUT',
  product: 'NRML',
  transactionType: 'BUY',
  quantity: 65,
  price: '24000',
  underlyingType: 'INDEX',
};

const niftyCall: MarginEstimateInput = {
  exchange: 'NFO',
  segment: 'OPT',
  product: 'NRML',
  transactionType: 'SELL',
  quantity: 65,
  price: '120',
  underlyingType: 'INDEX',
  underlyingPrice: '24000',
  strike: '24000',
  optionType: 'CE',
};

describe('equity', () => {
  it('CNC buy blocks 100% of the value: 10 × 1,500 = 15,000', () => {
    expect(estimateOrderMargin(equity)).toEqual({
      total: '15000.00',
      span: '0.00',
      exposure: '0.00',
      option_premium: '0.00',
      source: 'estimate',
      method: 'CNC buy: 100% of order value',
    });
  });

  it('CNC sell blocks nothing (shares cover it)', () => {
    expect(estimateOrderMargin({ ...equity, transactionType: 'SELL' }).total).toBe('0.00');
  });

  it('MIS at the default 5x: 100 × 1,400 = 1,40,000 / 5 = 28,000, buy or sell', () => {
    const mis = { ...equity, product: 'MIS' as const, quantity: 100, price: '1400' };
    expect(estimateOrderMargin(mis)).toMatchObject({ total: '28000.00', method: 'MIS: order value / 5x leverage' });
    expect(estimateOrderMargin({ ...mis, transactionType: 'SELL' }).total).toBe('28000.00');
  });

  it('MIS with a per-instrument leverage: 4x → 35,000; 1x → 1,40,000', () => {
    const mis = { ...equity, product: 'MIS' as const, quantity: 100, price: '1400' };
    expect(estimateOrderMargin({ ...mis, misLeverage: 4 }).total).toBe('35000.00');
    expect(estimateOrderMargin({ ...mis, misLeverage: 1 }).total).toBe('140000.00');
  });

  it('rounds a repeating quotient up to the paisa: 1 × 100 / 3x = 33.333… → 33.34', () => {
    expect(estimateOrderMargin({ ...equity, product: 'MIS', quantity: 1, price: '100', misLeverage: 3 }).total).toBe('33.34');
  });

  it.each([0, 0.5, 6, Number.NaN])('refuses MIS leverage %s', (misLeverage) => {
    expect(() => estimateOrderMargin({ ...equity, product: 'MIS', misLeverage })).toThrow(RangeError);
  });
});

describe('futures', () => {
  it('index: 10% SPAN-like + 2% exposure of 65 × 24,000 = 15,60,000', () => {
    // span 1,56,000 · exposure 31,200 · total 1,87,200 (12%)
    expect(estimateOrderMargin(niftyFut)).toEqual({
      total: '187200.00',
      span: '156000.00',
      exposure: '31200.00',
      option_premium: '0.00',
      source: 'estimate',
      method: 'futures (index): SPAN-like 10% + exposure 2% of contract value',
    });
  });

  it('stock: 16.5% + 3.5% of 500 × 1,400 = 7,00,000 → 1,15,500 + 24,500 = 1,40,000', () => {
    const stockFut = { ...niftyFut, quantity: 500, price: '1400', underlyingType: 'STOCK' as const };
    expect(estimateOrderMargin(stockFut)).toMatchObject({ span: '115500.00', exposure: '24500.00', total: '140000.00' });
  });

  it('short futures and MIS futures block the same as long NRML', () => {
    const long = estimateOrderMargin(niftyFut);
    expect(estimateOrderMargin({ ...niftyFut, transactionType: 'SELL' })).toEqual(long);
    expect(estimateOrderMargin({ ...niftyFut, product: 'MIS' })).toEqual(long);
  });

  it('needs the underlying type', () => {
    expect(() => estimateOrderMargin({ ...niftyFut, underlyingType: undefined })).toThrow(RangeError);
  });
});

describe('options', () => {
  it('long option blocks the premium: 65 × 120 = 7,800', () => {
    const long = { exchange: 'NFO', segment: 'OPT', product: 'NRML', transactionType: 'BUY', quantity: 65, price: '120' } as const;
    expect(estimateOrderMargin(long)).toMatchObject({ total: '7800.00', option_premium: '7800.00', span: '0.00' });
  });

  it('short ATM call: premium + 10% + 2% of underlying value 15,60,000', () => {
    // span max(1,56,000 − 0, 78,000) = 1,56,000 · exposure 31,200 · premium 7,800 · total 1,95,000
    expect(estimateOrderMargin(niftyCall)).toMatchObject({
      span: '156000.00',
      exposure: '31200.00',
      option_premium: '7800.00',
      total: '195000.00',
    });
  });

  it('short OTM call (25000 CE @ 20): OTM 1,000 × 65 = 65,000 comes off the span', () => {
    // span max(1,56,000 − 65,000, 78,000) = 91,000 · exposure 31,200 · premium 1,300 · total 1,23,500
    const otm = estimateOrderMargin({ ...niftyCall, strike: '25000', price: '20' });
    expect(otm).toMatchObject({ span: '91000.00', option_premium: '1300.00', total: '123500.00' });
  });

  it('short OTM put (23000 PE) is symmetric', () => {
    const put = estimateOrderMargin({ ...niftyCall, strike: '23000', optionType: 'PE', price: '20' });
    expect(put.span).toBe('91000.00');
  });

  it('deep OTM (27000 CE @ 1) stops at the 5% floor', () => {
    // 1,56,000 − 1,95,000 < 0 → floor 5% = 78,000 · exposure 31,200 · premium 65 · total 1,09,265
    const deep = estimateOrderMargin({ ...niftyCall, strike: '27000', price: '1' });
    expect(deep).toMatchObject({ span: '78000.00', total: '109265.00' });
  });

  it('in-the-money (23000 CE) and strike-less estimates get no OTM reduction', () => {
    expect(estimateOrderMargin({ ...niftyCall, strike: '23000' }).span).toBe('156000.00');
    const noStrike = { ...niftyCall, strike: undefined, optionType: undefined };
    expect(estimateOrderMargin(noStrike).span).toBe('156000.00');
  });

  it('needs the underlying for short options, and strike with optionType', () => {
    expect(() => estimateOrderMargin({ ...niftyCall, underlyingPrice: undefined })).toThrow(RangeError);
    expect(() => estimateOrderMargin({ ...niftyCall, underlyingType: undefined })).toThrow(RangeError);
    expect(() => estimateOrderMargin({ ...niftyCall, optionType: undefined })).toThrow(RangeError);
  });
});

describe('input checks and baskets', () => {
  it.each<[string, Partial<MarginEstimateInput>]>([
    ['equity on NFO', { exchange: 'NFO' }],
    ['zero quantity', { quantity: 0 }],
    ['negative price', { price: '-5' }],
  ])('rejects %s', (_label, overrides) => {
    expect(() => estimateOrderMargin({ ...equity, ...overrides })).toThrow(RangeError);
  });

  it('rejects CNC futures', () => {
    expect(() => estimateOrderMargin({ ...niftyFut, product: 'CNC' })).toThrow(RangeError);
  });

  it('adds legs with no hedge benefit: short straddle = call + put', () => {
    // Each ATM leg: 1,95,000 (as above) → 3,90,000.
    const basket = estimateBasketMargin([niftyCall, { ...niftyCall, optionType: 'PE' }]);
    expect(basket).toEqual({
      total: '390000.00',
      span: '312000.00',
      exposure: '62400.00',
      option_premium: '15600.00',
      source: 'estimate',
      method: 'sum of 2 order estimate(s), no hedge benefit',
    });
  });
});
