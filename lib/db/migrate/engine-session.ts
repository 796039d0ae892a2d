import 'server-only';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { loadSchemaEngine } from './load-schema-engine';
import { trackAdapterFactory } from './migration-adapter';

/**
 * Runs `work` with a schema engine connected through `adapterFactory`, then frees the engine and
 * closes every connection it opened (on Postgres the migration advisory lock lives on one of them).
 */
export async function withSchemaEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const wasm = await loadSchemaEngine();
  const tracked = trackAdapterFactory(adapterFactory);
  // The engine calls the Result-returning, error-registry form of the factory, not the raw one.
  const bound = bindMigrationAwareSqlAdapterFactory(tracked.factory);
  let engine: SchemaEngine | undefined;
  let result: { value: T } | undefined;
  try {
    engine = await wasm.SchemaEngine.new({ datamodels: undefined }, ignoreEngineLog, bound);
    result = { value: await work(engine) };
  } finally {
    engine?.free();
    const closing = tracked.disposeAll();
    // A cleanup failure must not hide the error that ended the work.
    if (result) await closing;
    else await closing.catch(() => undefined);
  }
  return result.value;
}

// Engine logs are tracing lines for Prisma's own debugging; failures arrive as rejected promises.
function ignoreEngineLog(): void {}
