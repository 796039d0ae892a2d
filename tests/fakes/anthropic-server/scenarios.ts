import { z } from 'zod';

// What the fake does with the next request(s) that pass validation. Validation failures (401,
// 400 for a malformed body) never consume a scenario, so a bug in the request always surfaces.
export const ScenarioSchema = z.discriminatedUnion('kind', [
  /** A tool_use answer that satisfies the request's input_schema (canned answer or generated). */
  z.object({ kind: z.literal('valid') }),
  /** A tool_use answer whose input breaks the schema: a required field missing, a number as text. */
  z.object({ kind: z.literal('invalidJson') }),
  /** 429 rate_limit_error with retry-after (seconds) and, if given, retry-after-ms. */
  z.object({
    kind: z.literal('rateLimited'),
    retryAfterSeconds: z.number().int().min(0).optional(),
    retryAfterMs: z.number().int().min(0).optional(),
  }),
  /** 529 overloaded_error; the real API sends no retry-after here, retryAfterMs only speeds tests. */
  z.object({ kind: z.literal('overloaded'), retryAfterMs: z.number().int().min(0).optional() }),
  /** 500 api_error, optionally with x-should-retry. */
  z.object({ kind: z.literal('serverError'), shouldRetry: z.boolean().optional() }),
  /** Waits, then answers as `valid`; a client that gives up first just disconnects. */
  z.object({ kind: z.literal('slow'), ms: z.number().int().min(0).max(120_000) }),
  /** 400 invalid_request_error with the given message. */
  z.object({ kind: z.literal('badRequest'), message: z.string().min(1).optional() }),
  /** stop_reason "refusal" with no tool call. */
  z.object({ kind: z.literal('refusal') }),
  /** stop_reason "max_tokens" with a cut-off, empty tool input. */
  z.object({ kind: z.literal('maxTokens') }),
]);

export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioKind = Scenario['kind'];

export const scenarios = {
  valid: (): Scenario => ({ kind: 'valid' }),
  invalidJson: (): Scenario => ({ kind: 'invalidJson' }),
  rateLimited: (options: { retryAfterSeconds?: number; retryAfterMs?: number } = {}): Scenario => ({
    kind: 'rateLimited',
    ...options,
  }),
  overloaded: (options: { retryAfterMs?: number } = {}): Scenario => ({ kind: 'overloaded', ...options }),
  serverError: (options: { shouldRetry?: boolean } = {}): Scenario => ({ kind: 'serverError', ...options }),
  slow: ({ ms }: { ms: number }): Scenario => ({ kind: 'slow', ms }),
  badRequest: (message?: string): Scenario => ({ kind: 'badRequest', ...(message ? { message } : {}) }),
  refusal: (): Scenario => ({ kind: 'refusal' }),
  maxTokens: (): Scenario => ({ kind: 'maxTokens' }),
};
