import path from 'node:path';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

export type MigrateOptions = {
  /** The database to work on; the runner opens and closes its own connections through it. */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** Defaults to `prisma/migrations` under the working directory. */
  migrationsDir?: string;
  /** Defaults to `prisma/schema.prisma` under the working directory; read by drift and create only. */
  schemaPath?: string;
};

export function migrationsDirOf(options: Pick<MigrateOptions, 'migrationsDir'>): string {
  return path.resolve(options.migrationsDir ?? path.join(/*turbopackIgnore: true*/ process.cwd(), 'prisma', 'migrations'));
}

export function schemaPathOf(options: Pick<MigrateOptions, 'schemaPath'>): string {
  return path.resolve(options.schemaPath ?? path.join(/*turbopackIgnore: true*/ process.cwd(), 'prisma', 'schema.prisma'));
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };
