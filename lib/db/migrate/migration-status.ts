import 'server-only';
import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import { z } from 'zod';
import { assertMigrationsFolderExists, migrationNames, readMigrationsFolder } from './migrations-folder';
import { migrationsDirOf, type MigrateOptions } from './migrate-options';

export type MigrationStatus = {
  /** Finished migrations recorded in `_prisma_migrations`, oldest first. */
  applied: string[];
  /** Migrations in the folder that are neither applied nor failed. */
  pending: string[];
  /** Started but unfinished migrations; they block further applies until resolved. */
  failed: string[];
};

const MigrationRowSchema = z.tuple([z.string(), z.enum(['applied', 'failed', 'rolled_back'])]);

// Rolled-back rows are history only, as in Prisma: such a migration counts as not applied.
const HISTORY_SQL = `
  SELECT migration_name,
         CASE WHEN rolled_back_at IS NOT NULL THEN 'rolled_back'
              WHEN finished_at IS NULL THEN 'failed'
              ELSE 'applied' END AS state
  FROM _prisma_migrations
  ORDER BY started_at, migration_name`;

/** Compares the migrations folder with the database's `_prisma_migrations`, without the engine. */
export async function migrationStatus(options: MigrateOptions): Promise<MigrationStatus> {
  const dir = migrationsDirOf(options);
  assertMigrationsFolderExists(dir);
  const inFolder = migrationNames(await readMigrationsFolder(dir));
  const adapter = await options.adapterFactory.connect();
  try {
    const history = await readHistory(adapter);
    const applied = unique(history.filter((row) => row.state === 'applied').map((row) => row.name));
    const failed = unique(history.filter((row) => row.state === 'failed').map((row) => row.name));
    const done = new Set([...applied, ...failed]);
    return { applied, pending: inFolder.filter((name) => !done.has(name)), failed };
  } finally {
    await adapter.dispose();
  }
}

async function readHistory(adapter: SqlDriverAdapter): Promise<{ name: string; state: string }[]> {
  const exists = await adapter.queryRaw({
    sql: `SELECT to_regclass('_prisma_migrations') IS NOT NULL`,
    args: [],
    argTypes: [],
  });
  if (exists.rows[0]?.[0] !== true) return [];
  const result = await adapter.queryRaw({ sql: HISTORY_SQL, args: [], argTypes: [] });
  return result.rows.map((row) => {
    const [name, state] = MigrationRowSchema.parse(row);
    return { name, state };
  });
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}
