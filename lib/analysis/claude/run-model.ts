import 'server-only';
import Anthropic from '@anthropic-ai/sdk';
import type { Message, MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages';
import { buildAnalysisRequest, type AnalysisImageInput } from '@/lib/analysis/prompt/build-analysis-request';
import { buildRepairRequest } from '@/lib/analysis/prompt/build-repair-request';
import type { TraderHistory } from '@/lib/analysis/prompt/format-history';
import type { AnalysisKind, ParsedAnalysis } from '@/lib/analysis/schemas/analysis-tools';
import { readToolOutput } from '@/lib/analysis/schemas/read-tool-output';

export const ANALYSIS_MAX_TOKENS = 4096;

export type Usage = { inputTokens: number; outputTokens: number };

export type ModelOutcome =
  | { ok: true; value: ParsedAnalysis; usage: Usage; repaired: boolean }
  | { ok: false; reason: string; usage: Usage };

/** A failure worth running the whole job again later (the SDK already retried on its own). */
export class TransientModelError extends Error {
  override name = 'TransientModelError';
}

/** A failure that will not change on retry; `message` is written for the trader. */
export class PermanentModelError extends Error {
  override name = 'PermanentModelError';
}

export type RunModelInput = {
  client: Anthropic;
  model: string;
  kind: AnalysisKind;
  images: readonly AnalysisImageInput[];
  question?: string | undefined;
  history?: TraderHistory | undefined;
  signal?: AbortSignal;
};

// Messages that reach the trader: SDK error text can carry request ids and raw bodies, so it is
// translated here rather than passed through.
function translate(error: unknown, signal: AbortSignal | undefined): Error {
  if (signal?.aborted || error instanceof Anthropic.APIUserAbortError) {
    return new TransientModelError('The analysis took too long and was stopped.');
  }
  if (error instanceof Anthropic.RateLimitError) return new TransientModelError('Claude is rate-limiting requests right now.');
  if (error instanceof Anthropic.InternalServerError) return new TransientModelError('Claude is overloaded or unavailable right now.');
  if (error instanceof Anthropic.APIConnectionError) return new TransientModelError('Could not reach Claude.');
  if (error instanceof Anthropic.AuthenticationError || error instanceof Anthropic.PermissionDeniedError) {
    return new PermanentModelError('The server\'s Anthropic API key was refused; ask the administrator to check ANTHROPIC_API_KEY.');
  }
  if (error instanceof Anthropic.NotFoundError) return new PermanentModelError('The configured Claude model does not exist (check ANTHROPIC_MODEL).');
  if (error instanceof Anthropic.APIError) return new PermanentModelError(`Claude refused the request (HTTP ${String(error.status)}).`);
  return error instanceof Error ? error : new Error(String(error));
}

async function call(client: Anthropic, params: MessageCreateParamsNonStreaming, signal?: AbortSignal): Promise<Message> {
  try {
    return await client.messages.create(params, signal ? { signal } : undefined);
  } catch (error) {
    throw translate(error, signal);
  }
}

function add(usage: Usage, message: Message): Usage {
  return { inputTokens: usage.inputTokens + message.usage.input_tokens, outputTokens: usage.outputTokens + message.usage.output_tokens };
}

const FAILURE_TEXT = {
  truncated: 'The answer was too long and got cut off.',
  refused: 'Claude declined to analyse these images.',
  no_tool_call: 'Claude did not return a structured answer.',
} as const;

/**
 * One analysis: the forced-tool request, zod validation, and at most one repair turn when the
 * answer is structurally wrong. Transport failures throw (Transient/PermanentModelError).
 */
export async function runModel(input: RunModelInput): Promise<ModelOutcome> {
  const request = buildAnalysisRequest({
    kind: input.kind,
    images: input.images,
    question: input.question,
    history: input.history,
    model: input.model,
    maxTokens: ANALYSIS_MAX_TOKENS,
  });
  const first = await call(input.client, request, input.signal);
  let usage = add({ inputTokens: 0, outputTokens: 0 }, first);
  const read = readToolOutput(input.kind, first);
  if (read.success) return { ok: true, value: read.value, usage, repaired: false };
  if (read.reason !== 'invalid') return { ok: false, reason: FAILURE_TEXT[read.reason], usage };

  const repair = buildRepairRequest({ request, toolUse: read.toolUse, issues: read.issues });
  const second = await call(input.client, repair, input.signal);
  usage = add(usage, second);
  const reread = readToolOutput(input.kind, second);
  if (reread.success) return { ok: true, value: reread.value, usage, repaired: true };
  const detail = reread.issues.slice(0, 3).join('; ');
  return { ok: false, reason: `Claude's answer did not match the expected format, even after one correction (${detail}).`, usage };
}
