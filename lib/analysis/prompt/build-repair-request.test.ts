import { describe, expect, it } from 'vitest';
import { CHART_TOOL_NAME } from '@/lib/analysis/schemas/analysis-tools';
import { buildAnalysisRequest } from './build-analysis-request';
import { buildRepairRequest } from './build-repair-request';
import { PromptInputError } from './prompt-input-error';

const original = buildAnalysisRequest({
  kind: 'chart',
  images: [{ data: Buffer.from('png'), mediaType: 'image/png' }],
  model: 'claude-sonnet-4-6',
  maxTokens: 2048,
});
const toolUse = { id: 'toolu_01', name: CHART_TOOL_NAME, input: { confidence: 3 } };

describe('buildRepairRequest', () => {
  it('sends the invalid call back with the validation errors as an error tool_result', () => {
    const repair = buildRepairRequest({ request: original, toolUse, issues: ['confidence: Too big', 'reasoning: Required'] });
    expect(repair.messages).toHaveLength(3);
    expect(repair.messages[0]).toBe(original.messages[0]);
    expect(repair.messages[1]).toEqual({ role: 'assistant', content: [{ type: 'tool_use', ...toolUse }] });
    expect(repair.messages[2]).toEqual({
      role: 'user',
      content: [
        {
          type: 'tool_result',
          tool_use_id: 'toolu_01',
          is_error: true,
          content: expect.stringContaining('- confidence: Too big\n- reasoning: Required'),
        },
      ],
    });
    expect(repair.tool_choice).toEqual(original.tool_choice);
    expect(repair.tools).toEqual(original.tools);
    expect(repair.system).toBe(original.system);
  });

  it('caps a long list of issues', () => {
    const issues = Array.from({ length: 25 }, (_, i) => `field${i}: ${'x'.repeat(500)}`);
    const repair = buildRepairRequest({ request: original, toolUse, issues });
    const block = repair.messages[2]?.content;
    const text = Array.isArray(block) && block[0]?.type === 'tool_result' ? String(block[0].content) : '';
    expect(text.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(21);
    expect(text).toContain('- …and 5 more');
    expect(text).not.toContain('x'.repeat(301));
  });

  it('allows only one repair', () => {
    const repair = buildRepairRequest({ request: original, toolUse, issues: ['a: b'] });
    expect(() => buildRepairRequest({ request: repair, toolUse, issues: ['a: b'] })).toThrow(PromptInputError);
  });
});
