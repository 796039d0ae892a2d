import 'server-only';
import { migrationNames, readMigrationsFolder, writeMigration } from './migrations-folder';
import { migrationsDirOf, type MigrateOptions } from './migrate-options';
import { schemaDrift } from './schema-drift';

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
  const dir = migrationsDirOf(options);
  const existing = migrationNames(await readMigrationsFolder(dir));
  const name = `${timestampAfter(existing, options.now ?? new Date())}_${slug}`;
  return { dir: await writeMigration(dir, name, sql) };
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

// Migrations apply in name order, so a new one must sort after every existing one even when a
// hand-written migration carries a later timestamp than this clock (or two are made in a second).
function timestampAfter(existing: string[], now: Date): string {
  const latest = existing
    .map((name) => /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})_/.exec(name))
    .filter((match) => match !== null)
    .map(([, year, month, day, hour, minute, second]) =>
      Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)),
    )
    .reduce((max, time) => Math.max(max, time), -Infinity);
  const time = Math.max(Math.floor(now.getTime() / 1000) * 1000, latest + 1000);
  return new Date(time).toISOString().replace(/\D/g, '').slice(0, 14);
}
