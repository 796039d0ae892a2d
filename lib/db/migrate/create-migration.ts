import 'server-only';
import { schemaDrift } from './schema-drift';
import { writeMigration } from './migrations-folder';
import { migrationsDirOf, type MigrateOptions } from './migrate-options';

/**
 * Writes `<migrationsDir>/<UTC yyyymmddhhmmss>_<snake_name>/migration.sql` with the SQL the schema
 * needs beyond the existing migrations. `dir` is null when there is nothing to migrate.
 */
export async function createMigration(
  options: MigrateOptions & { name: string; now?: Date },
): Promise<{ dir: string } | { dir: null }> {
  const slug = snakeName(options.name);
  const sql = await schemaDrift(options);
  if (sql === '') return { dir: null };
  const name = `${utcTimestamp(options.now ?? new Date())}_${slug}`;
  return { dir: await writeMigration(migrationsDirOf(options), name, sql) };
}

export function snakeName(name: string): string {
  const slug = name
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (slug === '') throw new Error(`Migration name "${name}" has no letters or digits`);
  return slug.slice(0, 200);
}

function utcTimestamp(date: Date): string {
  return date.toISOString().replace(/\D/g, '').slice(0, 14);
}
