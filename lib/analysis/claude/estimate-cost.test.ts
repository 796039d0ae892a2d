import { describe, expect, it } from 'vitest';
import { estimateCostUsd } from './estimate-cost';

describe('estimateCostUsd', () => {
  it('prices input and output tokens per model family', () => {
    expect(estimateCostUsd('claude-sonnet-4-6', 1_000_000, 0)).toBe('3.000000');
    expect(estimateCostUsd('claude-sonnet-4-6', 1620, 85)).toBe('0.006135');
    expect(estimateCostUsd('claude-haiku-4-5', 2000, 1000)).toBe('0.007000');
  });

  it('gives no estimate for a model it does not know', () => {
    expect(estimateCostUsd('some-other-model', 10, 10)).toBeNull();
  });
});
