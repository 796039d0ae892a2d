import { describe, expect, it } from 'vitest';
import { formatInr } from '@/lib/format/inr';

describe('formatInr', () => {
  it.each([
    ['100000.00', '₹1,00,000.00'],
    ['100000', '₹1,00,000.00'],
    ['0', '₹0.00'],
    ['999.5', '₹999.50'],
    ['1234567.891', '₹12,34,567.89'],
    ['-2500.75', '−₹2,500.75'],
    ['-0.00', '₹0.00'],
    ['123456789012345678.99', '₹1,23,45,67,89,01,23,45,678.99'],
  ])('%s → %s', (input, expected) => {
    expect(formatInr(input)).toBe(expected);
  });

  it('rounds to the paisa half-up instead of cutting digits off', () => {
    expect(formatInr('1619.8375')).toBe('₹1,619.84');
    expect(formatInr('0.005')).toBe('₹0.01');
    expect(formatInr('-0.004')).toBe('₹0.00');
    expect(formatInr('99999.995')).toBe('₹1,00,000.00');
  });

  it('adds a plus sign for gains when asked', () => {
    expect(formatInr('12.5', { sign: true })).toBe('+₹12.50');
    expect(formatInr('0', { sign: true })).toBe('₹0.00');
  });

  it('returns input it cannot read unchanged rather than guessing', () => {
    expect(formatInr('abc')).toBe('abc');
  });
});
