import 'server-only';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { db, dbMode } from '@/lib/db/client';
import { logError } from '@/lib/log';
import packageJson from '@/package.json' with { type: 'json' };

export type Health = {
  status: 'ok' | 'degraded';
  version: string;
  database: { mode: 'postgres' | 'pglite'; reachable: boolean; latencyMs: number | null };
  migrations: { applied: number; expected: number; pending: string[] };
};

let expectedMigrations: Promise<string[]> | undefined;
function migrationNames(): Promise<string[]> {
  expectedMigrations ??= readdir(path.join(/*turbopackIgnore: true*/ process.cwd(), 'prisma', 'migrations'), { withFileTypes: true })
    .then((entries) => entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort())
    .catch(() => []);
  return expectedMigrations;
}

export async function checkHealth(): Promise<Health> {
  const expected = await migrationNames();
  const started = performance.now();
  try {
    const rows = await db().$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    const applied = new Set(rows.map((row) => row.migration_name));
    const pending = expected.filter((name) => !applied.has(name));
    return {
      status: pending.length === 0 ? 'ok' : 'degraded',
      version: packageJson.version,
      database: { mode: dbMode(), reachable: true, latencyMs },
      migrations: { applied: applied.size, expected: expected.length, pending },
    };
  } catch (error) {
    logError('health', error);
    return {
      status: 'degraded',
      version: packageJson.version,
      database: { mode: dbMode(), reachable: false, latencyMs: null },
      migrations: { applied: 0, expected: expected.length, pending: expected },
    };
  }
}
