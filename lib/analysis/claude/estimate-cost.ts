import Decimal from 'decimal.js';

// USD per million tokens (input, output), by model family, from Anthropic's price list. An unknown
// model gets no estimate rather than a wrong one.
const PRICES: readonly { match: RegExp; input: string; output: string }[] = [
  { match: /^claude-haiku-5/, input: '1', output: '5' },
  { match: /^claude-haiku-4/, input: '1', output: '5' },
  { match: /^claude-sonnet-5-5/, input: '2', output: '10' },
  { match: /^claude-sonnet-/, input: '3', output: '15' },
  { match: /^claude-opus-4-[0-1]/, input: '15', output: '75' },
  { match: /^claude-opus-/, input: '5', output: '25' },
];

/** Estimated cost in USD as a decimal string with 6 places, or null for an unpriced model. */
export function estimateCostUsd(model: string, inputTokens: number, outputTokens: number): string | null {
  const price = PRICES.find((p) => p.match.test(model));
  if (!price) return null;
  const perToken = (perMillion: string) => new Decimal(perMillion).div(1_000_000);
  return perToken(price.input)
    .mul(inputTokens)
    .add(perToken(price.output).mul(outputTokens))
    .toDecimalPlaces(6, Decimal.ROUND_HALF_UP)
    .toFixed(6);
}
