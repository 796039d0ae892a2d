import { describe, expect, it } from 'vitest';
import { formatPrice, isOnTick, roundToTick } from './tick-size';

describe('isOnTick', () => {
  it('uses exact decimal arithmetic', () => {
    expect(isOnTick('100.05', '0.05')).toBe(true);
    expect(isOnTick('0.3', '0.1')).toBe(true); // 0.3 % 0.1 is not 0 in floating point
    expect(isOnTick('1.0025', '0.0025')).toBe(true);
    expect(isOnTick('100.02', '0.05')).toBe(false);
    expect(isOnTick('249.99', '0.01')).toBe(true);
    expect(isOnTick('1000.05', '0.10')).toBe(false);
  });

  it('refuses a non-positive tick size', () => {
    expect(() => isOnTick('100', '0')).toThrow(RangeError);
    expect(() => isOnTick('100', '-0.05')).toThrow(RangeError);
  });
});

describe('roundToTick', () => {
  it('rounds up, down and to the nearest tick', () => {
    expect(roundToTick('100.02', '0.05', 'up').toString()).toBe('100.05');
    expect(roundToTick('100.04', '0.05', 'down').toString()).toBe('100');
    expect(roundToTick('100.02', '0.05', 'nearest').toString()).toBe('100');
    expect(roundToTick('100.03', '0.05', 'nearest').toString()).toBe('100.05');
    expect(roundToTick('100.025', '0.05', 'nearest').toString()).toBe('100.05');
  });

  it('leaves prices already on the tick alone in every mode', () => {
    for (const mode of ['up', 'down', 'nearest'] as const) {
      expect(roundToTick('91.80', '0.05', mode).toString()).toBe('91.8');
    }
  });
});

describe('formatPrice', () => {
  it('writes at least two decimals, more when the tick needs them', () => {
    expect(formatPrice('91.8', '0.05')).toBe('91.80');
    expect(formatPrice('26606', '1')).toBe('26606.00');
    expect(formatPrice('83.1', '0.0025')).toBe('83.1000');
  });
});
