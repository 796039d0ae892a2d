import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { dbDriver } from '@/lib/db/client';
import { systemSql } from '@/lib/db/user-sql';

// A pooled connection can die while idle (Postgres restarted, a failover, an idle timeout on a
// managed database). The pool must drop it and carry on; an unhandled 'error' event would take the
// whole server process down.
describe('the database pool', () => {
  it('survives an idle connection being terminated and serves the next query', async () => {
    const driver = dbDriver();
    if (driver.kind !== 'postgres') throw new Error('this file runs against Postgres only (see vitest.config.ts)');
    const [own] = await systemSql().query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      const before = driver.pool.totalCount;
      await admin.query('SELECT pg_terminate_backend($1)', [own?.pid]);
      await expect.poll(() => driver.pool.totalCount).toBe(before - 1);
    } finally {
      await admin.end();
    }
    expect(await systemSql().query<{ ok: number }>('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
  });
});
