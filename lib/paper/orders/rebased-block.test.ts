import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { blockShare, rebasedBlock } from './book-fill';

describe('rebasedBlock: the block of an order modified after part of it filled', () => {
  it('is the remainder itself when nothing has filled', () => {
    expect(rebasedBlock(new Decimal('1234.56'), 0, 10).toFixed(2)).toBe('1234.56');
  });

  it('holds exactly the remainder for the unfilled units, and later fills release all of it', () => {
    // Every remainder from ₹0.01 up in awkward steps, against many filled/quantity splits.
    for (let paise = 1; paise < 2_000_000; paise = Math.ceil(paise * 1.37) + 7) {
      const remainder = new Decimal(paise).div(100);
      for (const [filled, quantity] of [[1, 2], [1, 3], [2, 3], [3, 7], [6, 7], [13, 100], [99, 100], [1, 1800], [1799, 1800], [65, 130]] as const) {
        const block = rebasedBlock(remainder, filled, quantity);
        expect(block.minus(blockShare(block, filled, quantity)).toFixed(2)).toBe(remainder.toFixed(2));
      }
    }
  });
});
