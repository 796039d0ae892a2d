import { createHash } from 'node:crypto';
import { ANALYSIS_KINDS, analysisTool } from '@/lib/analysis/schemas/analysis-tools';
import { SYSTEM_PROMPTS } from './system-prompts';

/**
 * Stored with every analysis so results can be traced to the prompt that produced them. Bump it
 * whenever promptFingerprint() changes; prompt-version.test.ts fails until you do.
 */
export const PROMPT_VERSION = 'analysis-v1';

/** A hash of everything the model is told: system prompts, tool descriptions and schemas. */
export function promptFingerprint(): string {
  const hash = createHash('sha256');
  for (const kind of ANALYSIS_KINDS) {
    hash.update(SYSTEM_PROMPTS[kind]);
    hash.update(JSON.stringify(analysisTool(kind)));
  }
  return hash.digest('hex').slice(0, 16);
}
