import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server tests may create databases on: TEST_DATABASE_URL, or the local Postgres of our machines. */
export function adminDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Creates a uniquely named database so concurrent runs never share data. */
export async function createTestDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  try {
    const host = new URL(adminDatabaseUrl()).hostname;
    if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host) && process.env.ALLOW_REMOTE_TEST_DATABASE !== '1') {
      throw new Error(`Refusing to create test databases on non-local host ${host} (set ALLOW_REMOTE_TEST_DATABASE=1 to allow).`);
    }
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(adminDatabaseUrl(), name),
    async drop() {
      const client = new pg.Client({ connectionString: adminDatabaseUrl() });
      await client.connect();
      try {
        await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
        await client.query(`DROP DATABASE IF EXISTS "${name}"`);
      } finally {
        await client.end();
      }
    },
  };
}
