import type {
  ContentBlockParam,
  ImageBlockParam,
  MessageCreateParamsNonStreaming,
} from '@anthropic-ai/sdk/resources/messages';
import { z } from 'zod';
import { MAX_IMAGES_PER_ANALYSIS, type AcceptedImageType } from '@/lib/analysis/images/limits';
import { ANALYSIS_TOOLS, analysisTool, type AnalysisKind } from '@/lib/analysis/schemas/analysis-tools';
import { formatHistory, type TraderHistory } from './format-history';
import { PromptInputError } from './prompt-input-error';
import { SYSTEM_PROMPTS, TASK_LINES } from './system-prompts';

export const QUESTION_MAX_LENGTH = 2000;

/** For the API layer: the same limit, as a zod schema (blank becomes undefined). */
export const AnalysisQuestionSchema = z
  .string()
  .trim()
  .max(QUESTION_MAX_LENGTH, `The question can be at most ${QUESTION_MAX_LENGTH} characters.`)
  .transform((value) => (value === '' ? undefined : value))
  .optional();

// The SDK refuses a non-streaming call whose max_tokens implies more than 10 minutes (about
// 21,333 tokens); a tool answer for a few screenshots needs a small fraction of that.
export const MAX_TOKENS_LIMIT = 16_000;

export type AnalysisImageInput = {
  /** Raw image bytes (as produced by preprocessImage) or their base64 text. */
  data: Uint8Array | string;
  mediaType: AcceptedImageType;
};

export type BuildAnalysisRequestInput = {
  kind: AnalysisKind;
  images: readonly AnalysisImageInput[];
  question?: string | undefined;
  history?: TraderHistory | undefined;
  model: string;
  maxTokens: number;
  /** Strict tool use (schema-guaranteed input); on by default, off for models without it. */
  strict?: boolean;
};

function imageBlock(image: AnalysisImageInput): ImageBlockParam {
  const data = typeof image.data === 'string' ? image.data : Buffer.from(image.data).toString('base64');
  return { type: 'image', source: { type: 'base64', media_type: image.mediaType, data } };
}

// Keeps a question from closing its own delimiter and posing as instructions after it.
function neutraliseTags(text: string): string {
  return text.replace(/<\/?\s*(question|trade_history)\s*>/gi, (tag) => tag.replace(/[<>]/g, ''));
}

function validate(input: BuildAnalysisRequestInput): string | undefined {
  if (input.images.length === 0) throw new PromptInputError('no_images', 'Add at least one screenshot.');
  if (input.images.length > MAX_IMAGES_PER_ANALYSIS) {
    throw new PromptInputError('too_many_images', `At most ${MAX_IMAGES_PER_ANALYSIS} images per analysis.`);
  }
  if (!Number.isInteger(input.maxTokens) || input.maxTokens < 1 || input.maxTokens > MAX_TOKENS_LIMIT) {
    throw new PromptInputError('invalid_max_tokens', `maxTokens must be an integer from 1 to ${MAX_TOKENS_LIMIT}.`);
  }
  if (input.model.trim() === '') throw new PromptInputError('invalid_model', 'A model name is required.');
  const question = input.question?.trim();
  if (question && [...question].length > QUESTION_MAX_LENGTH) {
    throw new PromptInputError('question_too_long', `The question can be at most ${QUESTION_MAX_LENGTH} characters.`);
  }
  return question || undefined;
}

/**
 * The Messages API request for one analysis: images first (as the docs advise), then one text
 * block with the task, the question and, only when given, the trader's history; the single tool
 * is forced so the answer is always structured.
 */
export function buildAnalysisRequest(input: BuildAnalysisRequestInput): MessageCreateParamsNonStreaming {
  const question = validate(input);
  const parts = [TASK_LINES[input.kind](input.images.length)];
  if (question) {
    const quoted = `<question>\n${neutraliseTags(question)}\n</question>`;
    parts.push(`The trader's question (answer it within the analysis):\n${quoted}`);
  }
  if (input.history) {
    const table = `<trade_history>\n${formatHistory(input.history)}\n</trade_history>`;
    parts.push(`The trader's own history from their journal:\n${table}`);
  }
  const toolName = ANALYSIS_TOOLS[input.kind].name;
  parts.push(`Answer by calling ${toolName}.`);

  const content: ContentBlockParam[] = [
    ...input.images.map(imageBlock),
    { type: 'text', text: parts.join('\n\n') },
  ];
  return {
    model: input.model,
    max_tokens: input.maxTokens,
    system: SYSTEM_PROMPTS[input.kind],
    messages: [{ role: 'user', content }],
    tools: [analysisTool(input.kind, { strict: input.strict ?? true })],
    tool_choice: { type: 'tool', name: toolName },
  };
}
