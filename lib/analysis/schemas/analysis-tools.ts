import type { Tool } from '@anthropic-ai/sdk/resources/messages';
import type { z } from 'zod';
import { BrokerExtractionSchema, type BrokerExtraction } from './broker-extraction';
import { ChartAnalysisSchema, type ChartAnalysis } from './chart-analysis';
import { toToolInputSchema } from './tool-input-schema';

export const ANALYSIS_KINDS = ['chart', 'broker'] as const;
export type AnalysisKind = (typeof ANALYSIS_KINDS)[number];

export const CHART_TOOL_NAME = 'record_chart_analysis';
export const BROKER_TOOL_NAME = 'record_broker_trades';

export const ANALYSIS_TOOLS = {
  chart: {
    name: CHART_TOOL_NAME,
    description:
      'Record the technical analysis of the chart screenshot(s): instrument, trend, key levels, ' +
      'patterns, visible indicators and a trade plan with entry, stop and targets.',
    schema: ChartAnalysisSchema,
  },
  broker: {
    name: BROKER_TOOL_NAME,
    description:
      'Record the executed trades visible in a broker screenshot (Zerodha Kite order book, trade ' +
      'book or P&L), using Kite field names and values.',
    schema: BrokerExtractionSchema,
  },
} as const;

/** The tool definition for the Messages API `tools` array. */
export function analysisTool(kind: AnalysisKind, options: { strict?: boolean } = {}): Tool {
  const tool = ANALYSIS_TOOLS[kind];
  return {
    name: tool.name,
    description: tool.description,
    input_schema: toToolInputSchema(tool.schema),
    strict: options.strict ?? true,
  };
}

export type ParsedAnalysis = { kind: 'chart'; data: ChartAnalysis } | { kind: 'broker'; data: BrokerExtraction };

export type ToolOutputResult = { success: true; value: ParsedAnalysis } | { success: false; issues: string[] };

const MAX_REPORTED_ISSUES = 20;

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    return acc === '' ? String(key) : `${acc}.${String(key)}`;
  }, '');
}

/** One line per problem, `trade_plan.targets[0]: must be above the entry …`, for logs and repair prompts. */
export function formatIssues(error: z.ZodError): string[] {
  const lines = error.issues.map((issue) => `${formatPath(issue.path) || '(root)'}: ${issue.message}`);
  if (lines.length <= MAX_REPORTED_ISSUES) return lines;
  return [...lines.slice(0, MAX_REPORTED_ISSUES), `…and ${lines.length - MAX_REPORTED_ISSUES} more`];
}

/** Validates a tool input from the model; prices come back as decimal strings. */
export function parseToolOutput(kind: AnalysisKind, input: unknown): ToolOutputResult {
  if (kind === 'chart') {
    const result = ChartAnalysisSchema.safeParse(input);
    return result.success ?
        { success: true, value: { kind, data: result.data } }
      : { success: false, issues: formatIssues(result.error) };
  }
  const result = BrokerExtractionSchema.safeParse(input);
  return result.success ?
      { success: true, value: { kind, data: result.data } }
    : { success: false, issues: formatIssues(result.error) };
}
