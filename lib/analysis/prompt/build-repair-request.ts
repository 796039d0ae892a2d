import type { MessageCreateParamsNonStreaming, ToolUseBlock } from '@anthropic-ai/sdk/resources/messages';
import { PromptInputError } from './prompt-input-error';

const MAX_ISSUES = 20;
const MAX_ISSUE_LENGTH = 300;

export type BuildRepairRequestInput = {
  /** The request that produced the invalid answer, as built by buildAnalysisRequest. */
  request: MessageCreateParamsNonStreaming;
  /** The model's tool call that failed validation. */
  toolUse: Pick<ToolUseBlock, 'id' | 'name' | 'input'>;
  /** Validation problems, one per line, e.g. from parseToolOutput. */
  issues: readonly string[];
};

/**
 * One repair turn: the model's invalid tool call goes back as the assistant turn and the
 * validation errors as an error tool_result, so it can correct its own answer rather than start
 * over. Refuses a second repair: a model that fails twice is unlikely to succeed a third time.
 */
export function buildRepairRequest({ request, toolUse, issues }: BuildRepairRequestInput): MessageCreateParamsNonStreaming {
  if (request.messages.length !== 1) {
    throw new PromptInputError('repair_already_attempted', 'This analysis has already had its one repair attempt.');
  }
  const listed = issues.slice(0, MAX_ISSUES).map((issue) => `- ${issue.slice(0, MAX_ISSUE_LENGTH)}`);
  if (issues.length > MAX_ISSUES) listed.push(`- …and ${issues.length - MAX_ISSUES} more`);
  const feedback =
    `Your ${toolUse.name} input did not pass validation:\n${listed.join('\n')}\n\n` +
    `Call ${toolUse.name} again with a complete, corrected input. Keep everything that was valid.`;
  return {
    ...request,
    messages: [
      ...request.messages,
      { role: 'assistant', content: [{ type: 'tool_use', id: toolUse.id, name: toolUse.name, input: toolUse.input }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: toolUse.id, is_error: true, content: feedback }] },
    ],
  };
}
