import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';

export const REAL_MIGRATIONS = path.resolve(import.meta.dirname, '../../../prisma/migrations');
export const REAL_SCHEMA = path.resolve(import.meta.dirname, '../../../prisma/schema.prisma');

export async function realMigrationNames(dir = REAL_MIGRATIONS): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
}

/** Temp folders and in-memory databases made by one test file, removed by `cleanup`. */
export function scratch() {
  const dirs: string[] = [];
  const databases: PGlite[] = [];
  return {
    async dir(): Promise<string> {
      const dir = await mkdtemp(path.join(tmpdir(), 'tradedeck-migrate-'));
      dirs.push(dir);
      return dir;
    },
    /** A copy of prisma/migrations that a test may add to. */
    async migrationsCopy(): Promise<string> {
      const dir = path.join(await this.dir(), 'migrations');
      await cp(REAL_MIGRATIONS, dir, { recursive: true });
      return dir;
    },
    pglite() {
      const pglite = new PGlite();
      databases.push(pglite);
      return { pglite, adapterFactory: new PrismaPGlite(pglite) };
    },
    async cleanup(): Promise<void> {
      await Promise.all(databases.filter((db) => !db.closed).map((db) => db.close()));
      await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
    },
  };
}

export async function addMigration(migrationsDir: string, name: string, sql: string): Promise<void> {
  await mkdir(path.join(migrationsDir, name), { recursive: true });
  await writeFile(path.join(migrationsDir, name, 'migration.sql'), sql, 'utf8');
}

export async function readMigrationSql(migrationDir: string): Promise<string> {
  return readFile(path.join(migrationDir, 'migration.sql'), 'utf8');
}

// Exercises what adapter-pg's executeScript gets wrong: ';' inside a literal and a $$ body.
export const SEMICOLON_MIGRATION = `
CREATE TABLE "MigrationProbe" ("id" INTEGER PRIMARY KEY, "label" TEXT NOT NULL DEFAULT 'a;b');
DO $$
BEGIN
  INSERT INTO "MigrationProbe" ("id") VALUES (1);
END
$$;
`;

// The first statement is valid: a failing migration must leave none of its statements behind.
export const BROKEN_MIGRATION = `
CREATE TABLE "HalfDone" ("id" INTEGER PRIMARY KEY);
CREATE TABLE "Broken" ("id" INTEGR PRIMARY KEY);
`;
