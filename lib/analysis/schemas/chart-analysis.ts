import Decimal from 'decimal.js';
import { z } from 'zod';
import { exchangeSchema, priceSchema, unitIntervalSchema } from './price';

const note = (max: number) => z.string().max(max);

const tradePlanSchema = z
  .object({
    direction: z.enum(['long', 'short', 'none']).describe('"none" when the chart gives no trade worth taking'),
    entry: priceSchema.nullable().describe('Entry price; null when direction is "none"'),
    stop: priceSchema.nullable().describe('Stop-loss price; null when direction is "none"'),
    targets: z.array(priceSchema).max(5).describe('Target prices, nearest first; empty when direction is "none"'),
    risk_reward: z.number().nonnegative().max(100).nullable().describe('Reward to risk to the first target'),
    invalidation: note(500).describe('What price action would prove the plan wrong'),
  })
  .superRefine((plan, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (plan.direction === 'none') {
      if (plan.entry !== null) issue('entry', 'must be null when direction is "none"');
      if (plan.stop !== null) issue('stop', 'must be null when direction is "none"');
      if (plan.targets.length > 0) issue('targets', 'must be empty when direction is "none"');
      return;
    }
    if (plan.entry === null) issue('entry', `is required for a ${plan.direction} plan`);
    if (plan.stop === null) issue('stop', `is required for a ${plan.direction} plan`);
    if (plan.targets.length === 0) issue('targets', `needs at least one target for a ${plan.direction} plan`);
    if (plan.entry === null || plan.stop === null) return;
    const entry = new Decimal(plan.entry);
    const long = plan.direction === 'long';
    if (long ? !new Decimal(plan.stop).lt(entry) : !new Decimal(plan.stop).gt(entry)) {
      issue('stop', `must be ${long ? 'below' : 'above'} the entry for a ${plan.direction} plan`);
    }
    plan.targets.forEach((target, i) => {
      if (long ? !new Decimal(target).gt(entry) : !new Decimal(target).lt(entry)) {
        ctx.addIssue({
          code: 'custom',
          path: ['targets', i],
          message: `must be ${long ? 'above' : 'below'} the entry for a ${plan.direction} plan`,
        });
      }
    });
  });

export const ChartAnalysisSchema = z.object({
  instrument: z
    .string()
    .min(1)
    .max(60)
    .nullable()
    .describe('Symbol or name shown on the chart, e.g. "INFY"; null if not visible'),
  exchange: exchangeSchema.nullable().describe('Exchange shown on the chart; null if not visible'),
  timeframe: z
    .string()
    .min(1)
    .max(20)
    .nullable()
    .describe('Candle interval shown, e.g. "5m", "1h", "1D"; null if not visible'),
  trend: z.object({
    direction: z.enum(['up', 'down', 'sideways']),
    strength: z.enum(['weak', 'moderate', 'strong']),
  }),
  key_levels: z
    .array(
      z.object({
        kind: z.enum(['support', 'resistance']),
        price: priceSchema,
        note: note(300),
      }),
    )
    .max(12),
  patterns: z
    .array(
      z.object({
        name: z.string().min(1).max(80),
        confidence: unitIntervalSchema.describe('0 to 1'),
        note: note(300),
      }),
    )
    .max(8),
  indicators: z
    .array(z.object({ name: z.string().min(1).max(60), reading: note(300) }))
    .max(12)
    .describe('Only indicators visible on the chart'),
  trade_plan: tradePlanSchema,
  confidence: unitIntervalSchema.describe('Overall confidence in the analysis, 0 to 1'),
  reasoning: z.string().min(1).max(4000),
  history_notes: note(2000)
    .optional()
    .describe("How the trader's own history bears on this plan; only when a history was provided"),
});

/** What the model sends (prices as numbers). */
export type ChartAnalysisInput = z.input<typeof ChartAnalysisSchema>;
/** What we store and show (prices as decimal strings). */
export type ChartAnalysis = z.output<typeof ChartAnalysisSchema>;
