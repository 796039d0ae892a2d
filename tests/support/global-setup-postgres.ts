import { PrismaPg } from '@prisma/adapter-pg';
import type { TestProject } from 'vitest/node';
import { applyPendingMigrations } from '@/lib/db/migrate';
import { createTestDatabase } from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string | null;
  }
}

export default async function setup(project: TestProject) {
  const database = await createTestDatabase('tradedeck_it');
  const adapterFactory = new PrismaPg({ connectionString: database.url, max: 2 });
  await applyPendingMigrations({ adapterFactory });
  project.provide('databaseUrl', database.url);
  return async () => {
    await database.drop();
  };
}
