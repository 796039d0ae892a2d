import 'server-only';
import Anthropic from '@anthropic-ai/sdk';

export type AnthropicClientOptions = {
  apiKey: string;
  baseURL?: string | undefined;
  /** SDK retries on 408/409/429/5xx/529 and connection errors; 2 means up to 3 attempts. */
  maxRetries?: number;
  /** Per attempt, ms. The overall bound per job is the worker's AbortSignal. */
  timeoutMs?: number;
};

/** The real SDK client; tests pass the fake server's URL and key instead of the environment's. */
export function createAnthropicClient(options: AnthropicClientOptions): Anthropic {
  return new Anthropic({
    apiKey: options.apiKey,
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    maxRetries: options.maxRetries ?? 2,
    timeout: options.timeoutMs ?? 60_000,
  });
}
