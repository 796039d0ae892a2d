// npm run bench:http — the production build under load: GET /api/v1/me (signed in) against
// GET /api/health, 50 connections for 10 s each, on a fresh Postgres database (BENCH_DB=pglite for
// the embedded one). Prints requests/s, p99 and the ratio.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { ensureBuild } from '../../scripts/lib/ensure-build.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const usePglite = process.env.BENCH_DB === 'pglite';

async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  return port;
}

async function withAdmin(fn) {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const serverPath = ensureBuild(root);
const dbName = `tradedeck_bench_${Date.now().toString(36)}`;
let databaseUrl = '';
if (!usePglite) {
  await withAdmin((client) => client.query(`CREATE DATABASE "${dbName}"`));
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${dbName}`;
  databaseUrl = url.toString();
}

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, [serverPath], {
  cwd: path.dirname(serverPath),
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOSTNAME: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tradedeck-bench-')),
    AUTH_SECRET: 'bench-only-secret-bench-only-secret-0123',
    ENCRYPTION_KEYS: `bench:${Buffer.alloc(32, 1).toString('base64')}`,
    DATABASE_POOL_SIZE: '20',
  },
});

async function cleanup() {
  server.kill('SIGTERM');
  await once(server, 'exit').catch(() => undefined);
  if (!usePglite) {
    await withAdmin(async (client) => {
      await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [dbName]);
      await client.query(`DROP DATABASE IF EXISTS "${dbName}"`);
    });
  }
}

try {
  const deadline = Date.now() + 60_000;
  while (!(await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false))) {
    if (Date.now() > deadline) throw new Error('server did not become healthy within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  const user = { email: `bench-${Date.now()}@example.test`, password: 'benchmark passphrase 2026', name: 'Bench' };
  const registered = await fetch(`${base}/api/v1/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(user) });
  if (registered.status !== 201) throw new Error(`register failed: ${registered.status}`);
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email: user.email, password: user.password }),
  });
  const session = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('authjs.session-token='));
  if (!session) throw new Error('sign-in gave no session cookie');
  const me = await fetch(`${base}/api/v1/me`, { headers: { cookie: session } });
  if (me.status !== 200) throw new Error(`/api/v1/me answered ${me.status}`);

  const load = async (title, url, headers = {}) => {
    const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`${title}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    return { title, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total };
  };
  await load('warm-up', `${base}/api/v1/me`, { cookie: session }).catch(() => undefined);
  const health = await load('GET /api/health', `${base}/api/health`);
  const authed = await load('GET /api/v1/me', `${base}/api/v1/me`, { cookie: session });

  console.log(`\nbench:http — ${usePglite ? 'PGlite (embedded)' : 'Postgres'}, ${CONNECTIONS} connections, ${DURATION} s each`);
  for (const r of [health, authed]) {
    console.log(`${r.title.padEnd(18)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   (${r.total} requests)`);
  }
  const ratio = authed.rps / health.rps;
  console.log(`ratio /me ÷ /health: ${ratio.toFixed(2)} (target ≥ 0.40)   p99 /me: ${authed.p99} ms (target ≤ 50 ms)`);
} finally {
  await cleanup();
}
