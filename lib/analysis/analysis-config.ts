import 'server-only';
import { getEnv } from '@/lib/env';

// A current vision model that supports strict tool use (see ../shared/docs/anthropic.md B8).
export const DEFAULT_ANALYSIS_MODEL = 'claude-sonnet-4-6';

export type AnalysisConfig =
  | { configured: false; dailyQuota: number }
  | { configured: true; apiKey: string; baseURL: string | undefined; model: string; dailyQuota: number };

/** What the analysis feature runs with; `configured: false` means no ANTHROPIC_API_KEY. */
export function analysisConfig(): AnalysisConfig {
  const env = getEnv();
  if (!env.ANTHROPIC_API_KEY) return { configured: false, dailyQuota: env.ANALYSIS_DAILY_QUOTA };
  return {
    configured: true,
    apiKey: env.ANTHROPIC_API_KEY,
    baseURL: env.ANTHROPIC_BASE_URL,
    model: env.ANTHROPIC_MODEL ?? DEFAULT_ANALYSIS_MODEL,
    dailyQuota: env.ANALYSIS_DAILY_QUOTA,
  };
}
