import { describe, expect, it } from 'vitest';
import { CANNED_CHART_ANALYSIS } from '@/tests/fakes/anthropic-server/canned-answers';
import { parseToolOutput } from './analysis-tools';
import { ChartAnalysisSchema } from './chart-analysis';
import { toDecimalString } from './price';

function issuesFor(input: unknown): string[] {
  const result = parseToolOutput('chart', input);
  if (result.success) throw new Error('expected the input to be rejected');
  return result.issues;
}

describe('ChartAnalysisSchema', () => {
  it('accepts a realistic answer and turns prices into decimal strings', () => {
    const result = parseToolOutput('chart', CANNED_CHART_ANALYSIS);
    expect(result.success).toBe(true);
    if (!result.success || result.value.kind !== 'chart') return;
    const data = result.value.data;
    expect(data.key_levels.map((level) => level.price)).toEqual(['1842.5', '1851.9', '1898.75']);
    expect(data.trade_plan).toMatchObject({ entry: '1872.4', stop: '1851.9', targets: ['1898.75', '1925'] });
    expect(data.history_notes).toBeUndefined();
  });

  it('rejects a long plan whose stop is above the entry and a target below it', () => {
    const plan = { ...CANNED_CHART_ANALYSIS.trade_plan, stop: 1880, targets: [1860, 1925] };
    expect(issuesFor({ ...CANNED_CHART_ANALYSIS, trade_plan: plan })).toEqual([
      'trade_plan.stop: must be below the entry for a long plan',
      'trade_plan.targets[0]: must be above the entry for a long plan',
    ]);
  });

  it('checks a short plan the other way round', () => {
    const plan = { direction: 'short', entry: 1872.4, stop: 1890, targets: [1850], risk_reward: 1.2, invalidation: 'x' };
    expect(ChartAnalysisSchema.safeParse({ ...CANNED_CHART_ANALYSIS, trade_plan: plan }).success).toBe(true);
    expect(issuesFor({ ...CANNED_CHART_ANALYSIS, trade_plan: { ...plan, stop: 1860 } })).toEqual([
      'trade_plan.stop: must be above the entry for a short plan',
    ]);
  });

  it('requires "none" plans to carry no prices', () => {
    const plan = { direction: 'none', entry: 1872.4, stop: null, targets: [], risk_reward: null, invalidation: '' };
    expect(issuesFor({ ...CANNED_CHART_ANALYSIS, trade_plan: plan })).toEqual([
      'trade_plan.entry: must be null when direction is "none"',
    ]);
  });

  it('rejects out-of-range confidence, a price sent as a string and a missing field', () => {
    const { reasoning: _dropped, ...withoutReasoning } = CANNED_CHART_ANALYSIS;
    const broken = {
      ...withoutReasoning,
      confidence: 1.5,
      key_levels: [{ kind: 'support', price: '1842.5', note: '' }],
    };
    const issues = issuesFor(broken);
    expect(issues).toContain('confidence: Too big: expected number to be <=1');
    expect(issues).toContain('key_levels[0].price: Invalid input: expected number, received string');
    expect(issues).toContain('reasoning: Invalid input: expected string, received undefined');
  });

  it('drops unknown keys the model may add', () => {
    const result = ChartAnalysisSchema.parse({ ...CANNED_CHART_ANALYSIS, mood: 'bullish' });
    expect(Object.keys(result)).not.toContain('mood');
  });
});

describe('toDecimalString', () => {
  it('recovers the decimal the model wrote, without float noise', () => {
    expect(toDecimalString(2450.35)).toBe('2450.35');
    expect(toDecimalString(0.1 + 0.2)).toBe('0.3');
    expect(toDecimalString(24000)).toBe('24000');
    expect(toDecimalString(83.12345)).toBe('83.1235');
  });
});
