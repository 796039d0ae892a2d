import 'server-only';
import {
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import { openShadowDatabase } from './shadow-database';

export type TrackedAdapterFactory = {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Disposes every adapter the engine opened and did not dispose itself. */
  disposeAll(): Promise<void>;
};

/**
 * Wraps an application adapter factory for the schema engine. Two adapter quirks make the raw
 * factories unsafe for migrations:
 * - adapter-pg's executeScript splits the script on ';' (breaking string literals and $$ bodies,
 *   and losing the single implicit transaction Postgres gives a multi-statement script);
 * - pglite-prisma-adapter's executeScript does not await exec(), so a failing migration is
 *   recorded as applied and the error surfaces later as an unhandled rejection.
 * The wrapper sends each script whole to the driver, makes its own shadow databases (see
 * shadow-database.ts), and disposes what the engine leaves open (pools holding the migration
 * advisory lock).
 */
export function trackAdapterFactory(inner: SqlMigrationAwareDriverAdapterFactory): TrackedAdapterFactory {
  const open = new Set<SqlDriverAdapter>();
  const track = (adapter: SqlDriverAdapter, afterDispose?: () => Promise<void>): SqlDriverAdapter => {
    const wrapped = wrapAdapter(adapter, afterDispose, () => open.delete(wrapped));
    open.add(wrapped);
    return wrapped;
  };
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => track(await inner.connect()),
    connectToShadowDb: async () => {
      const shadow = await openShadowDatabase(inner);
      return track(shadow.adapter, () => shadow.drop());
    },
  };
  return {
    factory,
    async disposeAll() {
      const pending = [...open];
      const results = await Promise.allSettled(pending.map((adapter) => adapter.dispose()));
      const failure = results.find((result) => result.status === 'rejected');
      if (failure) throw failure.reason;
    },
  };
}

function wrapAdapter(
  adapter: SqlDriverAdapter,
  afterDispose: (() => Promise<void>) | undefined,
  forget: () => void,
): SqlDriverAdapter {
  const driver = scriptDriverOf(adapter);
  let disposed: Promise<void> | undefined;
  const wrapped: SqlDriverAdapter = {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: (query) => adapter.executeRaw(query),
    executeScript: (script) => runScript(adapter, driver, script),
    startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
    dispose: () => {
      forget();
      disposed ??= (async () => {
        await adapter.dispose();
        await afterDispose?.();
      })();
      return disposed;
    },
  };
  const connectionInfo = adapter.getConnectionInfo?.bind(adapter);
  if (connectionInfo) wrapped.getConnectionInfo = connectionInfo;
  return wrapped;
}

type ScriptDriver = { run(sql: string): Promise<unknown> };

function scriptDriverOf(adapter: SqlDriverAdapter): ScriptDriver | null {
  // adapter-pg exposes its pool; pglite-prisma-adapter keeps its PGlite in a `client` field.
  const viaMethod: unknown = Reflect.get(adapter, 'underlyingDriver');
  const client: unknown = typeof viaMethod === 'function' ? viaMethod.call(adapter) : Reflect.get(adapter, 'client');
  if (!isObject(client)) return null;
  const { exec, query } = client;
  if (typeof exec === 'function') return { run: async (sql) => exec.call(client, sql) };
  if (typeof query === 'function') return { run: async (sql) => query.call(client, sql) };
  return null;
}

async function runScript(adapter: SqlDriverAdapter, driver: ScriptDriver | null, script: string): Promise<void> {
  if (!driver) return adapter.executeScript(script);
  try {
    // Without parameters both drivers use the simple query protocol: the whole script runs as one
    // implicit transaction, as the native schema engine sends it.
    await driver.run(script);
  } catch (error) {
    throw toAdapterError(error);
  }
}

// Postgres errors become DriverAdapterErrors so the engine reports the database's own message
// and code; anything else (a dropped connection) travels through the engine's error registry.
function toAdapterError(error: unknown): unknown {
  if (!isDatabaseError(error)) return error;
  return new DriverAdapterError({
    kind: 'postgres',
    code: error.code,
    severity: error.severity,
    message: error.message,
    detail: optionalString(error.detail),
    column: optionalString(error.column),
    hint: optionalString(error.hint),
  });
}

type DatabaseErrorLike = Record<string, unknown> & { code: string; message: string; severity: string };

function isDatabaseError(error: unknown): error is DatabaseErrorLike {
  return (
    isObject(error) &&
    typeof error.code === 'string' &&
    typeof error.message === 'string' &&
    typeof error.severity === 'string'
  );
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
