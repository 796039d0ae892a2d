import { createHash, randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminDatabaseUrl, createTestDatabase } from '@/tests/support/test-database';
import {
  applyPendingMigrations,
  createMigration,
  markMigrationRolledBack,
  MigrationError,
  migrationStatus,
  schemaDrift,
} from './index';
import {
  addMigration,
  BROKEN_MIGRATION,
  readMigrationSql,
  REAL_MIGRATIONS,
  REAL_SCHEMA,
  realMigrationNames,
  scratch,
  SEMICOLON_MIGRATION,
} from './migrate-test-helpers';

const files = scratch();
afterAll(() => files.cleanup());

async function publicTables(query: (sql: string) => Promise<{ rows: unknown[] }>): Promise<string[]> {
  const { rows } = await query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
  );
  return rows.map((row) => String((row as { name: unknown }).name));
}

describe('migrations on embedded PGlite', { timeout: 60_000 }, () => {
  // Drift reads only the folder and a shadow database; the target database just has to be there.
  let idle: ReturnType<typeof files.pglite>;
  beforeAll(() => {
    idle = files.pglite();
  });

  it('applies every migration once and records it as Prisma does', async () => {
    const { pglite, adapterFactory } = files.pglite();
    const names = await realMigrationNames();
    expect(names.length).toBeGreaterThanOrEqual(2);

    expect(await migrationStatus({ adapterFactory })).toEqual({ applied: [], pending: names, failed: [] });
    expect(await applyPendingMigrations({ adapterFactory })).toEqual({ applied: names });

    const tables = await publicTables((sql) => pglite.query(sql));
    expect(tables).toEqual(expect.arrayContaining(['User', 'UserSession', 'PaperAccount', 'LedgerEntry', '_prisma_migrations']));
    const history = await pglite.query<{ migration_name: string; checksum: string; finished: boolean; steps: number }>(
      `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, applied_steps_count AS steps
       FROM _prisma_migrations ORDER BY migration_name`,
    );
    const expected = await Promise.all(
      names.map(async (name) => ({
        migration_name: name,
        // Prisma's checksum is the SHA-256 of the script; `migrate deploy` elsewhere compares it.
        checksum: createHash('sha256').update(await readMigrationSql(path.join(REAL_MIGRATIONS, name))).digest('hex'),
        finished: true,
        steps: 1,
      })),
    );
    expect(history.rows).toEqual(expected);

    expect(await applyPendingMigrations({ adapterFactory })).toEqual({ applied: [] });
    expect(await migrationStatus({ adapterFactory })).toEqual({ applied: names, pending: [], failed: [] });
  });

  it('finds no drift between prisma/migrations and prisma/schema.prisma', async () => {
    const { adapterFactory } = idle;
    expect(await schemaDrift({ adapterFactory, migrationsDir: REAL_MIGRATIONS, schemaPath: REAL_SCHEMA })).toBe('');
  });

  it('ignores row-level security, roles and grants when diffing, while applying them', async () => {
    const migrationsDir = await files.migrationsCopy();
    await addMigration(
      migrationsDir,
      '29991231000000_throwaway_policies',
      `CREATE ROLE throwaway_reader NOLOGIN;
       GRANT SELECT ON "LedgerEntry" TO throwaway_reader;
       CREATE POLICY throwaway_read ON "LedgerEntry" FOR SELECT TO throwaway_reader USING (true);`,
    );
    const { pglite, adapterFactory } = files.pglite();
    await applyPendingMigrations({ adapterFactory, migrationsDir });
    const policies = await pglite.query<{ policyname: string }>(
      `SELECT policyname FROM pg_policies WHERE tablename = 'LedgerEntry' ORDER BY 1`,
    );
    expect(policies.rows.map((row) => row.policyname)).toEqual(['throwaway_read', 'user_isolation']);

    expect(await schemaDrift({ adapterFactory, migrationsDir, schemaPath: REAL_SCHEMA })).toBe('');
  });

  it('turns a schema change into drift, then into a migration that applies', async () => {
    const migrationsDir = await files.migrationsCopy();
    const schemaPath = path.join(await files.dir(), 'schema.prisma');
    const schema = await readFile(REAL_SCHEMA, 'utf8');
    const changed = schema.replace(/model RateLimitBucket \{\n/, 'model RateLimitBucket {\n  note String?\n');
    expect(changed).not.toBe(schema);
    await writeFile(schemaPath, changed, 'utf8');
    const { pglite, adapterFactory } = files.pglite();

    const drift = await schemaDrift({ adapterFactory, migrationsDir, schemaPath });
    expect(drift).toContain('ALTER TABLE "RateLimitBucket" ADD COLUMN     "note" TEXT;');

    const created = await createMigration({ adapterFactory, migrationsDir, schemaPath, name: 'Rate limit note' });
    if (created.dir === null) throw new Error('expected a migration to be created');
    const name = path.basename(created.dir);
    expect(name).toMatch(/^\d{14}_rate_limit_note$/);
    expect(await readMigrationSql(created.dir)).toBe(drift);
    expect(await schemaDrift({ adapterFactory, migrationsDir, schemaPath })).toBe('');

    const { applied } = await applyPendingMigrations({ adapterFactory, migrationsDir });
    expect(applied.at(-1)).toBe(name);
    const columns = await pglite.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'RateLimitBucket' AND column_name = 'note'`,
    );
    expect(columns.rows).toHaveLength(1);
  });

  it('creates nothing when the schema has no changes', async () => {
    const migrationsDir = await files.migrationsCopy();
    const { adapterFactory } = idle;
    expect(await createMigration({ adapterFactory, migrationsDir, schemaPath: REAL_SCHEMA, name: 'noop' })).toEqual({
      dir: null,
    });
    expect(await realMigrationNames(migrationsDir)).toEqual(await realMigrationNames());
  });

  it('stops at a failing migration, names it, and resumes once it is fixed and rolled back', async () => {
    const migrationsDir = await files.migrationsCopy();
    const broken = '29991231000000_broken';
    const later = '29991231000001_later';
    await addMigration(migrationsDir, broken, BROKEN_MIGRATION);
    await addMigration(migrationsDir, later, SEMICOLON_MIGRATION);
    const { pglite, adapterFactory } = files.pglite();

    const failure = await applyPendingMigrations({ adapterFactory, migrationsDir }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MigrationError);
    expect(failure).toMatchObject({ migrationName: broken, message: expect.stringContaining(broken) });
    expect((failure as Error).message).toContain('type "integr" does not exist');
    const tables = await publicTables((sql) => pglite.query(sql));
    expect(tables).not.toContain('HalfDone');
    expect(tables).not.toContain('MigrationProbe');
    const status = await migrationStatus({ adapterFactory, migrationsDir });
    expect(status).toEqual({ applied: await realMigrationNames(), pending: [later], failed: [broken] });

    await expect(applyPendingMigrations({ adapterFactory, migrationsDir })).rejects.toMatchObject({ migrationName: broken });

    await addMigration(migrationsDir, broken, BROKEN_MIGRATION.replace('INTEGR', 'INTEGER'));
    await markMigrationRolledBack({ adapterFactory, migrationName: broken });
    expect(await applyPendingMigrations({ adapterFactory, migrationsDir })).toEqual({ applied: [broken, later] });
    const probe = await pglite.query<{ label: string }>(`SELECT label FROM "MigrationProbe"`);
    expect(probe.rows).toEqual([{ label: 'a;b' }]);
  });
});

describe('migrations on Postgres', { timeout: 60_000 }, () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let client: pg.Client;
  beforeAll(async () => {
    database = await createTestDatabase('tradedeck_mig');
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });
  const limitedRole = `tradedeck_mig_${randomBytes(4).toString('hex')}`;
  afterAll(async () => {
    await client?.end();
    await database?.drop();
    const admin = new pg.Client({ connectionString: adminDatabaseUrl() });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS "${limitedRole}"`);
    await admin.end();
  });

  it('applies, records, re-applies nothing, finds no drift, and fails atomically', async () => {
    const adapterFactory = new PrismaPg({ connectionString: database.url, max: 2 });
    const names = await realMigrationNames();
    expect(await applyPendingMigrations({ adapterFactory })).toEqual({ applied: names });
    expect(await applyPendingMigrations({ adapterFactory })).toEqual({ applied: [] });
    const history = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY 1`,
    );
    expect(history.rows.map((row) => row.migration_name)).toEqual(names);
    const rls = await client.query<{ relname: string }>(
      `SELECT relname FROM pg_class WHERE relrowsecurity AND relforcerowsecurity ORDER BY 1`,
    );
    // Every later RLS migration adds tables; the first two must always be there.
    expect(rls.rows.map((row) => row.relname)).toEqual(expect.arrayContaining(['LedgerEntry', 'PaperAccount']));

    // The shadow database must be a separate one: replaying onto this database would fail here.
    expect(await schemaDrift({ adapterFactory, migrationsDir: REAL_MIGRATIONS, schemaPath: REAL_SCHEMA })).toBe('');

    const migrationsDir = await files.migrationsCopy();
    await addMigration(migrationsDir, '29991231000000_semicolons', SEMICOLON_MIGRATION);
    await addMigration(migrationsDir, '29991231000001_broken', BROKEN_MIGRATION);
    await expect(applyPendingMigrations({ adapterFactory, migrationsDir })).rejects.toMatchObject({
      migrationName: '29991231000001_broken',
    });
    const probe = await client.query<{ label: string }>(`SELECT label FROM "MigrationProbe"`);
    expect(probe.rows).toEqual([{ label: 'a;b' }]);
    const halfDone = await client.query(`SELECT to_regclass('"HalfDone"') AS found`);
    expect(halfDone.rows).toEqual([{ found: null }]);
  });

  it('diffs on an in-memory shadow when the role may not create databases', async () => {
    await client.query(`CREATE ROLE "${limitedRole}" LOGIN NOCREATEDB`);
    const url = new URL(database.url);
    url.username = limitedRole;
    const adapterFactory = new PrismaPg({ connectionString: url.toString(), max: 1 });
    expect(await schemaDrift({ adapterFactory, migrationsDir: REAL_MIGRATIONS, schemaPath: REAL_SCHEMA })).toBe('');
  });
});
