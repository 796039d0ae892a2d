import { describe, expect, it } from 'vitest';
import { PROMPT_VERSION, promptFingerprint } from './prompt-version';

// A change to a system prompt, tool description or schema changes what the model is asked and so
// what stored analyses mean. Update both lines together.
const FINGERPRINTS: Record<string, string> = {
  'analysis-v1': '68c03e4567244fff',
};

describe('PROMPT_VERSION', () => {
  it('matches the fingerprint of the prompt text it names', () => {
    expect(
      promptFingerprint(),
      `prompt text changed: bump PROMPT_VERSION and record ${promptFingerprint()} for it`,
    ).toBe(FINGERPRINTS[PROMPT_VERSION]);
  });
});
