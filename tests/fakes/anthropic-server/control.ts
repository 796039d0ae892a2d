import { EventEmitter } from 'node:events';
import { z } from 'zod';
import { BROKER_TOOL_NAME, CHART_TOOL_NAME } from '@/lib/analysis/schemas/analysis-tools';
import { CANNED_BROKER_EXTRACTION, CANNED_CHART_ANALYSIS } from './canned-answers';
import { ScenarioSchema, type Scenario, type ScenarioKind } from './scenarios';
import type { ImageSummary } from './validate-request';

export type ToolInput = { [key: string]: unknown };

export type RecordedRequest = {
  seq: number;
  receivedAt: Date;
  method: string;
  path: string;
  /** Every request header except authorization and x-api-key. */
  headers: Record<string, string>;
  auth: 'bearer' | 'x-api-key' | 'none';
  /** x-stainless-retry-count as a number: 0 for the first attempt, 1 and 2 for SDK retries. */
  retryCount: number | undefined;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
  images: ImageSummary[];
  scenario: ScenarioKind | undefined;
  status: number | undefined;
};

export function defaultAnswers(): Map<string, ToolInput> {
  return new Map<string, ToolInput>([
    [CHART_TOOL_NAME, structuredClone(CANNED_CHART_ANALYSIS)],
    [BROKER_TOOL_NAME, structuredClone(CANNED_BROKER_EXTRACTION)],
  ]);
}

export class FakeAnthropicControl {
  readonly requests: RecordedRequest[] = [];
  private queue: Scenario[] = [];
  private answers: Map<string, ToolInput>;
  private readonly initialAnswers: Record<string, ToolInput>;
  private readonly events = new EventEmitter();

  constructor(answers: Record<string, ToolInput> = {}) {
    this.initialAnswers = answers;
    this.answers = this.freshAnswers();
  }

  private freshAnswers(): Map<string, ToolInput> {
    const map = defaultAnswers();
    for (const [tool, input] of Object.entries(this.initialAnswers)) map.set(tool, structuredClone(input));
    return map;
  }

  /** Plays `scenario` for the next `times` valid requests, after anything already queued. */
  enqueue(scenario: Scenario, times = 1): void {
    for (let i = 0; i < times; i++) this.queue.push(scenario);
  }

  pending(): readonly Scenario[] {
    return [...this.queue];
  }

  takeScenario(): Scenario {
    return this.queue.shift() ?? { kind: 'valid' };
  }

  /** The tool input a `valid` answer returns for this tool from now on. */
  setAnswer(toolName: string, input: ToolInput): void {
    this.answers.set(toolName, structuredClone(input));
  }

  answerFor(toolName: string): ToolInput | undefined {
    const answer = this.answers.get(toolName);
    return answer === undefined ? undefined : structuredClone(answer);
  }

  /** Forgets recorded requests and queued scenarios and restores the starting answers. */
  reset(): void {
    this.requests.length = 0;
    this.queue = [];
    this.answers = this.freshAnswers();
  }

  record(entry: Omit<RecordedRequest, 'seq'>): RecordedRequest {
    const recorded = { ...entry, seq: this.requests.length + 1 };
    this.requests.push(recorded);
    return recorded;
  }

  /** Marks a request as answered; waitForRequests counts answered requests. */
  finish(entry: RecordedRequest, status: number): void {
    entry.status = status;
    this.events.emit('finished');
  }

  /** Resolves once `count` requests have been answered; rejects after `timeoutMs`. */
  waitForRequests(count: number, timeoutMs = 5_000): Promise<void> {
    const done = () => this.requests.filter((r) => r.status !== undefined).length >= count;
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onFinished = () => {
        if (!done()) return;
        clearTimeout(timer);
        this.events.off('finished', onFinished);
        resolve();
      };
      const timer = setTimeout(() => {
        this.events.off('finished', onFinished);
        reject(new Error(`fake-anthropic: ${this.requests.length} requests seen, waited for ${count}`));
      }, timeoutMs);
      this.events.on('finished', onFinished);
    });
  }
}

export const ControlActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('enqueue'), scenario: ScenarioSchema, times: z.number().int().min(1).max(1000).optional() }),
  z.object({ action: z.literal('setAnswer'), tool: z.string().min(1), input: z.record(z.string(), z.unknown()) }),
  z.object({ action: z.literal('reset') }),
  z.object({ action: z.literal('requests') }),
  z.object({ action: z.literal('state') }),
]);
export type ControlAction = z.infer<typeof ControlActionSchema>;

// Recorded bodies carry whole base64 images; over HTTP a length is enough and keeps replies small.
function elideImageData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(elideImageData);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) =>
      key === 'data' && typeof child === 'string' && child.length > 64 ?
        [key, `<base64, ${child.length} chars>`]
      : [key, elideImageData(child)],
    ),
  );
}

/** Runs one /__control action; the reply is JSON-serialisable. */
export function runControlAction(control: FakeAnthropicControl, action: ControlAction): unknown {
  switch (action.action) {
    case 'enqueue':
      control.enqueue(action.scenario, action.times ?? 1);
      return { ok: true, pending: control.pending() };
    case 'setAnswer':
      control.setAnswer(action.tool, action.input);
      return { ok: true };
    case 'reset':
      control.reset();
      return { ok: true };
    case 'requests':
      return { ok: true, requests: control.requests.map((r) => ({ ...r, body: elideImageData(r.body) })) };
    case 'state':
      return { ok: true, pending: control.pending(), requestCount: control.requests.length };
  }
}
