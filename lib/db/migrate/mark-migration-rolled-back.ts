import 'server-only';
import { withSchemaEngine } from './engine-session';
import { engineErrorMessage, MigrationError } from './migration-error';
import type { MigrateOptions } from './migrate-options';

/**
 * Marks a failed migration as rolled back (`prisma migrate resolve --rolled-back`), so the next
 * apply runs it again. Only for a migration whose changes are not in the database.
 */
export async function markMigrationRolledBack(
  options: Pick<MigrateOptions, 'adapterFactory'> & { migrationName: string },
): Promise<void> {
  try {
    await withSchemaEngine(options.adapterFactory, (engine) =>
      engine.markMigrationRolledBack({ migrationName: options.migrationName }),
    );
  } catch (error) {
    throw new MigrationError(`Marking ${options.migrationName} rolled back failed: ${engineErrorMessage(error)}`, {
      migrationName: options.migrationName,
      cause: error,
    });
  }
}
