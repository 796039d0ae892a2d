import { z } from 'zod';

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const boolFlag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', ''])
    .optional()
    .transform((value) => (value === undefined || value === '' ? fallback : value === 'true' || value === '1'));

export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: optionalString,
  AUTH_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  AUTH_URL: optionalString.pipe(z.url('must be a full URL such as https://tradedeck.example.com').optional()),
  MIGRATE_ON_START: boolFlag(true),
  /** Paper engine, analysis worker and instrument sync in this process (off in extra server workers). */
  BACKGROUND_WORK: boolFlag(true),
  /** Checked sessions kept in memory, told of revocations by LISTEN/NOTIFY (Postgres; lib/auth/session-cache.ts). */
  SESSION_CACHE: boolFlag(true),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Public URL of the app, for links shown to users (e.g. the Kite redirect URL). */
  APP_URL: optionalString.pipe(z.url('must be a full URL such as https://tradedeck.example.com').optional()),

  // Kite Connect
  ENCRYPTION_KEYS: optionalString,
  KITE_API_ROOT: optionalString.pipe(z.url().optional()),
  KITE_LOGIN_URL: optionalString.pipe(z.url().optional()),
  KITE_API_KEY: optionalString,
  KITE_API_SECRET: optionalString,

  // Screenshot analysis
  ANTHROPIC_API_KEY: optionalString,
  ANTHROPIC_BASE_URL: optionalString.pipe(z.url().optional()),
  ANTHROPIC_MODEL: optionalString,
  ANALYSIS_DAILY_QUOTA: z.coerce.number().int().min(0).max(10_000).default(20),

  // Paper trading
  SIMULATED_MARKET_HOURS: z.enum(['always', 'nse']).default('always'),
  /** Protects the cron routes that run background work on serverless hosts. */
  CRON_SECRET: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
});

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {
  override name = 'EnvError';
}

let cached: Env | undefined;

/** Validates process.env once and names every variable that is wrong. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new EnvError(`Invalid environment configuration:\n  ${problems.join('\n  ')}`);
  }
  cached = parsed.data;
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}
