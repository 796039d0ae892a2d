import 'server-only';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { dataDir } from '@/lib/config/data-dir';
import { closeListeners } from '@/lib/db/listen';
import { getEnv } from '@/lib/env';
import { logError } from '@/lib/log';
import { PrismaClient } from '@/prisma/generated/client';

/** The connection underneath Prisma, for the few hot paths that speak SQL directly (lib/db/user-sql.ts). */
export type DbDriver = { kind: 'postgres'; pool: pg.Pool } | { kind: 'pglite'; pglite: PGlite };

type DbState = {
  prisma: PrismaClient;
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  driver: DbDriver;
  mode: 'postgres' | 'pglite';
};

// One client per process, kept on globalThis so dev-mode module reloads do not open a second
// PGlite on the same folder (PGlite allows one process and one instance per data directory).
const globalForDb = globalThis as typeof globalThis & { __tradedeckDb?: DbState };

function createState(): DbState {
  const env = getEnv();
  if (env.DATABASE_URL) {
    // One pool shared by Prisma and the direct SQL paths. The migration runner connects and disposes
    // adapters of this factory too, so disposing one must not end the pool: disconnectDb does.
    // Pipelined: a query goes out without waiting for the answers to those before it, so the hot
    // paths can put several statements in one round trip (lib/db/user-sql.ts). Each still has its
    // own Sync, so an error affects only its own statement (and, inside a transaction, what follows).
    const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE, pipeline: true });
    // An idle connection that dies (a restart, a failover, a managed database's idle timeout) is
    // dropped by the pool, which then emits 'error': unheard, that event would end the process.
    pool.on('error', (error) => logError('database: an idle connection failed and was dropped', error));
    const adapterFactory = new PrismaPg(pool);
    return { prisma: makeClient(adapterFactory), adapterFactory, driver: { kind: 'postgres', pool }, mode: 'postgres' };
  }
  const folder = path.join(dataDir(), 'pglite');
  mkdirSync(folder, { recursive: true });
  const pglite = new PGlite(folder);
  const adapterFactory = new PrismaPGlite(pglite);
  return { prisma: makeClient(adapterFactory), adapterFactory, driver: { kind: 'pglite', pglite }, mode: 'pglite' };
}

function makeClient(adapter: SqlMigrationAwareDriverAdapterFactory): PrismaClient {
  return new PrismaClient({
    adapter,
    // Secrets never leave the database by accident: a query must ask for them by name.
    omit: {
      user: { passwordHash: true },
      kiteApp: { apiSecretCipher: true },
      kiteSession: { accessTokenCipher: true },
      analysisImage: { data: true },
    },
  });
}

function state(): DbState {
  globalForDb.__tradedeckDb ??= createState();
  return globalForDb.__tradedeckDb;
}

/** The Prisma client. Only code under lib/ may import this module (enforced by a test). */
export function db(): PrismaClient {
  return state().prisma;
}

/** The driver adapter behind the client, for the migration runner. */
export function dbAdapterFactory(): SqlMigrationAwareDriverAdapterFactory {
  return state().adapterFactory;
}

export function dbDriver(): DbDriver {
  return state().driver;
}

export function dbMode(): 'postgres' | 'pglite' {
  return state().mode;
}

export async function disconnectDb(): Promise<void> {
  const current = globalForDb.__tradedeckDb;
  if (!current) return;
  globalForDb.__tradedeckDb = undefined;
  await closeListeners();
  await current.prisma.$disconnect();
  if (current.driver.kind === 'postgres') await current.driver.pool.end();
  else if (!current.driver.pglite.closed) await current.driver.pglite.close();
}
