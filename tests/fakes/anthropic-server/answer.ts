import type { FakeAnthropicControl, ToolInput } from './control';
import { exampleFromSchema, validateJsonSchema, violateSchema } from './json-schema-lite';
import type { MessagesRequest } from './request-schema';
import { buildMessage, newId, type ContentOut, type MessageOut } from './responses';
import type { Scenario } from './scenarios';
import type { ApiFailure, ValidRequest } from './validate-request';

export type Scripted = { failure: ApiFailure; headers: Record<string, string> };
export type Answer = { message: MessageOut } | Scripted;

function chosenTool(body: MessagesRequest) {
  const tools = body.tools ?? [];
  const choice = body.tool_choice;
  if (choice?.type === 'none' || tools.length === 0) return undefined;
  if (choice?.type === 'tool') return tools.find((tool) => tool.name === choice.name);
  return tools[0];
}

function asToolInput(value: unknown): ToolInput {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : {};
}

/** The error response a scenario scripts, or undefined when it answers with a message. */
export function scriptedFailure(scenario: Scenario): Scripted | undefined {
  switch (scenario.kind) {
    case 'rateLimited': {
      const headers: Record<string, string> = {
        'retry-after': String(scenario.retryAfterSeconds ?? 1),
        'anthropic-ratelimit-requests-remaining': '0',
      };
      if (scenario.retryAfterMs !== undefined) headers['retry-after-ms'] = String(scenario.retryAfterMs);
      const message = 'Number of request tokens has exceeded your per-minute rate limit';
      return { failure: { status: 429, type: 'rate_limit_error', message }, headers };
    }
    case 'overloaded': {
      const headers: Record<string, string> = {};
      if (scenario.retryAfterMs !== undefined) headers['retry-after-ms'] = String(scenario.retryAfterMs);
      return { failure: { status: 529, type: 'overloaded_error', message: 'Overloaded' }, headers };
    }
    case 'serverError': {
      const headers: Record<string, string> = {};
      if (scenario.shouldRetry !== undefined) headers['x-should-retry'] = String(scenario.shouldRetry);
      return { failure: { status: 500, type: 'api_error', message: 'Internal server error' }, headers };
    }
    case 'badRequest': {
      const message = scenario.message ?? 'messages: scripted bad request';
      return { failure: { status: 400, type: 'invalid_request_error', message }, headers: {} };
    }
    default:
      return undefined;
  }
}

/** The assistant message for a valid request under a non-error scenario. */
export function answerMessage(control: FakeAnthropicControl, request: ValidRequest, scenario: Scenario): Answer {
  const { body, images } = request;
  if (scenario.kind === 'refusal') return { message: buildMessage(body, images, [], 'refusal') };
  const tool = chosenTool(body);
  if (!tool) {
    const text = 'fake-anthropic: no tool was offered, so this is plain text.';
    return { message: buildMessage(body, images, [{ type: 'text', text, citations: null }], 'end_turn') };
  }
  const toolUse = (input: unknown): ContentOut => ({
    type: 'tool_use',
    id: newId('toolu_01'),
    name: tool.name,
    input,
    caller: { type: 'direct' },
  });
  if (scenario.kind === 'maxTokens') return { message: buildMessage(body, images, [toolUse({})], 'max_tokens') };

  const valid = control.answerFor(tool.name) ?? asToolInput(exampleFromSchema(tool.input_schema));
  const problems = validateJsonSchema(tool.input_schema, valid);
  if (problems.length > 0) {
    // A canned answer that no longer fits the app's schema is a test-setup bug: fail fast and loud.
    const message =
      `fake-anthropic: the canned answer for ${tool.name} does not match the request's input_schema: ` +
      problems.slice(0, 5).join('; ');
    return { failure: { status: 500, type: 'api_error', message }, headers: { 'x-should-retry': 'false' } };
  }
  const input = scenario.kind === 'invalidJson' ? violateSchema(tool.input_schema, valid) : valid;
  return { message: buildMessage(body, images, [toolUse(input)], 'tool_use') };
}
