import 'server-only';
import { withSchemaEngine } from './engine-session';
import { engineErrorMessage, MigrationError } from './migration-error';
import { migrationStatus } from './migration-status';
import { assertMigrationsFolderExists, readMigrationsFolder } from './migrations-folder';
import { migrationsDirOf, NO_FILTERS, type MigrateOptions } from './migrate-options';

/**
 * Applies the folder's unapplied migrations in name order and records each in
 * `_prisma_migrations` as `prisma migrate deploy` does. Returns the names applied by this call.
 */
export async function applyPendingMigrations(
  options: MigrateOptions,
): Promise<{ applied: string[] }> {
  const dir = migrationsDirOf(options);
  assertMigrationsFolderExists(dir);
  const migrationsList = await readMigrationsFolder(dir);
  try {
    const output = await withSchemaEngine(options.adapterFactory, (engine) =>
      engine.applyMigrations({ migrationsList, filters: NO_FILTERS }),
    );
    return { applied: output.appliedMigrationNames };
  } catch (error) {
    throw await explainFailure(options, error);
  }
}

// The engine records a failing migration as started-but-unfinished; naming it from the table is
// more reliable than parsing the engine's message.
async function explainFailure(options: MigrateOptions, error: unknown): Promise<MigrationError> {
  const reason = engineErrorMessage(error);
  const failed = await migrationStatus(options).then(
    (status) => status.failed,
    () => [],
  );
  const migrationName = failed.at(-1);
  if (migrationName === undefined) return new MigrationError(`Applying migrations failed: ${reason}`, { cause: error });
  return new MigrationError(
    `Migration ${migrationName} failed: ${reason}\n` +
      `Later migrations were not applied. Fix the migration (or the database), mark it rolled back ` +
      `(scripts/db.ts mark-rolled-back ${migrationName}), then apply again.`,
    { migrationName, cause: error },
  );
}
