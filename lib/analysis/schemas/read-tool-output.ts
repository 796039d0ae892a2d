import type { Message, ToolUseBlock } from '@anthropic-ai/sdk/resources/messages';
import { ANALYSIS_TOOLS, parseToolOutput, type AnalysisKind, type ParsedAnalysis } from './analysis-tools';

export type ToolOutputFailure =
  | { reason: 'truncated' | 'refused' | 'no_tool_call'; issues: string[] }
  | { reason: 'invalid'; issues: string[]; toolUse: ToolUseBlock };

export type ReadToolOutputResult = { success: true; value: ParsedAnalysis } | ({ success: false } & ToolOutputFailure);

/**
 * Finds our tool call in a Messages API response and validates it. Only an `invalid` failure is
 * worth a repair attempt: a truncated answer needs more max_tokens, a refusal will not change.
 */
export function readToolOutput(kind: AnalysisKind, message: Message): ReadToolOutputResult {
  const name = ANALYSIS_TOOLS[kind].name;
  if (message.stop_reason === 'max_tokens') {
    return { success: false, reason: 'truncated', issues: ['The answer was cut off at max_tokens.'] };
  }
  if (message.stop_reason === 'refusal') {
    return { success: false, reason: 'refused', issues: ['The model declined to analyse these images.'] };
  }
  const toolUse = message.content.find(
    (block): block is ToolUseBlock => block.type === 'tool_use' && block.name === name,
  );
  if (!toolUse) {
    return { success: false, reason: 'no_tool_call', issues: [`The answer did not call ${name}.`] };
  }
  const parsed = parseToolOutput(kind, toolUse.input);
  if (parsed.success) return parsed;
  return { success: false, reason: 'invalid', issues: parsed.issues, toolUse };
}
