import 'server-only';
import { readFile } from 'node:fs/promises';
import { withSchemaEngine } from './engine-session';
import { engineErrorMessage, MigrationError } from './migration-error';
import { readMigrationsFolder } from './migrations-folder';
import { migrationsDirOf, NO_FILTERS, schemaPathOf, type MigrateOptions } from './migrate-options';

/**
 * The SQL that would take a database built from the migrations folder to the Prisma schema, or ''
 * when they agree. The folder is replayed on a shadow database from the adapter factory.
 */
export async function schemaDrift(options: MigrateOptions): Promise<string> {
  const migrationsList = await readMigrationsFolder(migrationsDirOf(options));
  const schemaPath = schemaPathOf(options);
  const content = await readFile(schemaPath, 'utf8');
  try {
    const result = await withSchemaEngine(options.adapterFactory, (engine) =>
      engine.diff({
        from: { tag: 'migrations', ...migrationsList },
        to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content }] },
        script: true,
        // With exitCode set the engine answers 2 for a non-empty diff, so '' needs no text matching.
        exitCode: true,
        filters: NO_FILTERS,
      }),
    );
    return result.exitCode === 2 ? (result.stdout ?? '') : '';
  } catch (error) {
    throw new MigrationError(`Comparing migrations with the schema failed: ${engineErrorMessage(error)}`, {
      cause: error,
    });
  }
}
