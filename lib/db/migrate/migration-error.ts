/** A migration command failed; `migrationName` is set when one migration is to blame. */
export class MigrationError extends Error {
  override name = 'MigrationError';
  readonly migrationName: string | null;

  constructor(message: string, options: { migrationName?: string | null; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.migrationName = options.migrationName ?? null;
  }
}

/** The engine's message without the Rust span trace it appends ("   0: schema_engine…"). */
export function engineErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split('\n');
  const traceStart = lines.findIndex((line) => /^\s+\d+: /.test(line));
  return (traceStart === -1 ? lines : lines.slice(0, traceStart)).join('\n').trim();
}
