import 'server-only';
import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';

/** `drop` runs after the adapter is disposed and removes the database with its connections. */
export type ShadowDatabase = { adapter: SqlDriverAdapter; drop(): Promise<void> };

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const INSUFFICIENT_PRIVILEGE = '42501';

/**
 * An empty database on which the engine replays the migrations folder. The factories' own
 * connectToShadowDb is not used:
 * - adapter-pg 7.10 builds the shadow pool as `{ ...config, database }`, but a `connectionString`
 *   in the config wins over `database`, so the "shadow" replay runs on the real database; it also
 *   drops the shadow database before closing the pool connected to it, which Postgres refuses;
 * - pglite-prisma-adapter never closes the in-memory PGlite it creates.
 * A Postgres target gets a temporary database on the same server (PGlite when the role may not
 * create databases); anything else gets an in-memory PGlite.
 */
export async function openShadowDatabase(factory: SqlMigrationAwareDriverAdapterFactory): Promise<ShadowDatabase> {
  const poolOptions = await postgresPoolOptions(factory);
  return poolOptions ? openPostgresShadow(poolOptions) : openPgliteShadow();
}

async function postgresPoolOptions(factory: SqlMigrationAwareDriverAdapterFactory): Promise<pg.PoolConfig | null> {
  const probe = await factory.connect();
  try {
    const underlyingDriver: unknown = Reflect.get(probe, 'underlyingDriver');
    const driver: unknown = typeof underlyingDriver === 'function' ? underlyingDriver.call(probe) : null;
    return driver instanceof pg.Pool ? { ...driver.options } : null;
  } finally {
    await probe.dispose();
  }
}

async function openPostgresShadow(options: pg.PoolConfig): Promise<ShadowDatabase> {
  const name = `prisma_migrate_shadow_db_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Pool({ ...options, max: 1 });
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } catch (error) {
    await admin.end();
    // Managed Postgres roles often lack CREATEDB; PGlite is the same Postgres, minus server extensions.
    if (error instanceof Object && Reflect.get(error, 'code') === INSUFFICIENT_PRIVILEGE) return openPgliteShadow();
    throw error;
  }
  const pool = new pg.Pool({ ...onDatabase(options, name), max: 2 });
  const adapter = await new PrismaPg(withCharColumnsAsText(pool)).connect();
  return {
    adapter,
    async drop() {
      try {
        await pool.end();
        await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
      } finally {
        await admin.end();
      }
    },
  };
}

function onDatabase(options: pg.PoolConfig, database: string): pg.PoolConfig {
  if (!options.connectionString) return { ...options, database };
  const url = new URL(options.connectionString);
  url.pathname = `/${encodeURIComponent(database)}`;
  return { ...options, connectionString: url.toString(), database };
}

// adapter-pg 7.10 rejects columns of Postgres' internal one-byte "char" type (relkind, contype,
// polcmd...) that the engine's catalog queries return; as text they reach the engine intact.
function withCharColumnsAsText(pool: pg.Pool): pg.Pool {
  const query = async (...args: unknown[]): Promise<unknown> => {
    const result: unknown = await Reflect.apply(pool.query, pool, args);
    const fields: unknown = result instanceof Object ? Reflect.get(result, 'fields') : undefined;
    if (Array.isArray(fields)) {
      for (const field of fields) {
        if (field instanceof Object && Reflect.get(field, 'dataTypeID') === PG_CHAR_OID) {
          Reflect.set(field, 'dataTypeID', PG_TEXT_OID);
        }
      }
    }
    return result;
  };
  return new Proxy(pool, {
    get: (target, property) => (property === 'query' ? query : Reflect.get(target, property, target)),
  });
}

async function openPgliteShadow(): Promise<ShadowDatabase> {
  const pglite = new PGlite();
  const adapter = await new PrismaPGlite(pglite).connect();
  return {
    adapter,
    async drop() {
      if (!pglite.closed) await pglite.close();
    },
  };
}
