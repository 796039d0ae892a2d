import { z } from 'zod';

/** A rule's `path` matches that path and everything below it ("/quote" also matches "/quote/ltp"); no path matches all. */
export function pathMatches(rulePath: string | undefined, pathname: string): boolean {
  if (rulePath === undefined) return true;
  const base = rulePath.endsWith('/') ? rulePath.slice(0, -1) : rulePath;
  return pathname === base || pathname.startsWith(`${base}/`);
}

const path = z.string().startsWith('/').optional();
const count = z.number().int().positive().default(1);

export const FailNextSchema = z.object({
  path,
  status: z.number().int().min(400).max(599),
  /** null sends an HTML error page instead of Kite's JSON envelope (like a proxy in front of Kite). */
  errorType: z.string().min(1).nullable().optional(),
  message: z.string().optional(),
  count,
});

export const SlowSchema = z.object({
  path,
  ms: z.number().int().nonnegative().max(120_000),
  count: z.number().int().positive().optional(),
});

export const MalformedSchema = z.object({ path, kind: z.enum(['json', 'html']), count });

export type FailNextOptions = z.input<typeof FailNextSchema>;
export type SlowOptions = z.input<typeof SlowSchema>;
export type MalformedOptions = z.input<typeof MalformedSchema>;

type FailRule = { path?: string; status: number; errorType: string | null; message: string; remaining: number };
type SlowRule = { path?: string; ms: number; remaining: number };
type MalformedRule = { path?: string; kind: 'json' | 'html'; remaining: number };

const DEFAULTS: Record<number, { errorType: string; message: string }> = {
  400: { errorType: 'InputException', message: 'Invalid input' },
  403: { errorType: 'TokenException', message: 'Incorrect `api_key` or `access_token`.' },
  429: { errorType: 'NetworkException', message: 'Too many requests' },
  500: { errorType: 'GeneralException', message: 'Something went wrong. Please try again.' },
  502: { errorType: 'DataException', message: 'Bad gateway' },
  503: { errorType: 'NetworkException', message: 'Service unavailable' },
  504: { errorType: 'NetworkException', message: 'Gateway timeout' },
};

/** Rules without a path target Kite API routes only; the login page is hit only by rules that name it. */
function take<T extends { path?: string; remaining: number }>(rules: T[], pathname: string, isApi: boolean): T | undefined {
  const index = rules.findIndex((rule) => (rule.path !== undefined || isApi) && pathMatches(rule.path, pathname));
  const rule = rules[index];
  if (rule === undefined) return undefined;
  rule.remaining -= 1;
  if (rule.remaining <= 0) rules.splice(index, 1);
  return rule;
}

export class Scenarios {
  #failures: FailRule[] = [];
  #slow: SlowRule[] = [];
  #malformed: MalformedRule[] = [];

  failNext(options: FailNextOptions): void {
    const parsed = FailNextSchema.parse(options);
    const fallback = DEFAULTS[parsed.status] ?? { errorType: 'GeneralException', message: 'Unexpected error' };
    this.#failures.push({
      path: parsed.path,
      status: parsed.status,
      errorType: parsed.errorType === undefined ? fallback.errorType : parsed.errorType,
      message: parsed.message ?? fallback.message,
      remaining: parsed.count,
    });
  }

  slow(options: SlowOptions): void {
    const parsed = SlowSchema.parse(options);
    this.#slow.push({ path: parsed.path, ms: parsed.ms, remaining: parsed.count ?? Number.POSITIVE_INFINITY });
  }

  malformed(options: MalformedOptions): void {
    const parsed = MalformedSchema.parse(options);
    this.#malformed.push({ path: parsed.path, kind: parsed.kind, remaining: parsed.count });
  }

  takeFailure(pathname: string, isApi: boolean): FailRule | undefined {
    return take(this.#failures, pathname, isApi);
  }

  takeDelay(pathname: string, isApi: boolean): number {
    return take(this.#slow, pathname, isApi)?.ms ?? 0;
  }

  takeMalformed(pathname: string, isApi: boolean): MalformedRule | undefined {
    return take(this.#malformed, pathname, isApi);
  }

  reset(): void {
    this.#failures = [];
    this.#slow = [];
    this.#malformed = [];
  }
}
