// npm run bench:paper — concurrent users placing paper orders through the HTTP API of the
// production build on a fresh Postgres database for BENCH_SECONDS (20 s), then pgbench's
// tpcb-like with the same client count on the same server, the ratio, and a reconciliation of
// every account afterwards. Target: ratio ≥ 0.2 and zero drift.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
// @ts-expect-error -- a plain .mjs helper shared with bench:http; it returns the standalone server's path.
import { ensureBuild as ensureBuildUntyped } from '../../scripts/lib/ensure-build.mjs';

const ensureBuild = ensureBuildUntyped as (root: string) => string;

const root = path.resolve(import.meta.dirname, '../..');
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const admin = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function adminQuery(sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

function urlFor(db: string): string {
  const url = new URL(admin);
  url.pathname = `/${db}`;
  return url.toString();
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

const serverPath = ensureBuild(root);
const stamp = Date.now().toString(36);
const appDb = `tradedeck_benchpaper_${stamp}`;
const pgbenchDb = `tradedeck_pgbench_${stamp}`;
await adminQuery(`CREATE DATABASE "${appDb}"`);
await adminQuery(`CREATE DATABASE "${pgbenchDb}"`);
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
    DATABASE_URL: urlFor(appDb),
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tradedeck-bench-')),
    AUTH_SECRET: 'bench-only-secret-bench-only-secret-0123',
    ENCRYPTION_KEYS: `bench:${Buffer.alloc(32, 1).toString('base64')}`,
    DATABASE_POOL_SIZE: String(Math.max(10, CLIENTS + 5)),
  },
});

async function signUp(i: number): Promise<string> {
  const user = { email: `bench-${stamp}-${i}@example.test`, password: 'benchmark passphrase 2026', name: `Bench ${i}` };
  const registered = await fetch(`${base}/api/v1/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(user) });
  if (registered.status !== 201) throw new Error(`register failed: ${registered.status}`);
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email: user.email, password: user.password }),
  });
  const session = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c?.startsWith('authjs.session-token='));
  if (!session) throw new Error('sign-in gave no session cookie');
  return session;
}

let exitCode = 0;
try {
  const deadline = Date.now() + 90_000;
  while (!(await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false))) {
    if (Date.now() > deadline) throw new Error('server did not become healthy within 90 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const sessions = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => signUp(i)));
  // Each client alternates MIS market buys and sells of one share: every order fills, is charged
  // and moves margin, and the account never runs dry.
  const latencies: number[] = [];
  const statuses = new Map<string, number>();
  let failures = 0;
  const end = Date.now() + SECONDS * 1000;
  await Promise.all(
    sessions.map(async (cookie, client) => {
      for (let n = 0; Date.now() < end; n += 1) {
        const body = { exchange: 'NSE', tradingsymbol: 'INFY', transaction_type: n % 2 === 0 ? 'BUY' : 'SELL', order_type: 'MARKET', product: 'MIS', quantity: 1 };
        const started = performance.now();
        const response = await fetch(`${base}/api/v1/paper/orders`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'idempotency-key': `b-${client}-${n}` }, body: JSON.stringify(body) });
        const text = await response.text();
        latencies.push(performance.now() - started);
        if (response.status !== 201) {
          failures += 1;
          continue;
        }
        const status = (JSON.parse(text) as { order: { status: string } }).order.status;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const ordersPerSecond = latencies.length / SECONDS;

  const pgUrl = urlFor(pgbenchDb);
  const init = spawnSync('pgbench', ['-i', '-q', '-s', '1', pgUrl], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`pgbench -i failed: ${init.stderr}`);
  const run = spawnSync('pgbench', ['-b', 'tpcb-like', '-c', String(CLIENTS), '-j', '2', '-T', String(SECONDS), pgUrl], { encoding: 'utf8' });
  const tps = Number(/tps = ([\d.]+)/.exec(run.stdout)?.[1] ?? 'NaN');
  if (!Number.isFinite(tps)) throw new Error(`pgbench gave no tps: ${run.stdout} ${run.stderr}`);

  process.env.DATABASE_URL = urlFor(appDb);
  const { reconcileAllAccounts } = await import('@/lib/paper/reconcile/reconcile-all');
  const { disconnectDb } = await import('@/lib/db/client');
  const { accounts, drifts } = await reconcileAllAccounts();
  await disconnectDb();

  console.log(`\nbench:paper — Postgres, ${CLIENTS} clients, ${SECONDS} s`);
  console.log(`POST /api/v1/paper/orders  ${ordersPerSecond.toFixed(1)} orders/s   p50 ${percentile(latencies, 50).toFixed(1)} ms   p99 ${percentile(latencies, 99).toFixed(1)} ms   (${latencies.length} orders, ${failures} non-201, ${[...statuses].map(([s, c]) => `${s} ${c}`).join(', ')})`);
  console.log(`pgbench tpcb-like          ${tps.toFixed(1)} tps`);
  const ratio = ordersPerSecond / tps;
  console.log(`ratio orders/s ÷ pgbench tps: ${ratio.toFixed(3)} (target ≥ 0.2)`);
  console.log(`reconciliation: ${accounts} accounts, ${drifts.length} drift(s)${drifts.length ? `: ${JSON.stringify(drifts.slice(0, 5))}` : ''}`);
  if (drifts.length > 0 || failures > 0) exitCode = 1;
} finally {
  server.kill('SIGTERM');
  await once(server, 'exit').catch(() => undefined);
  for (const db of [appDb, pgbenchDb]) {
    await adminQuery('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [db]);
    await adminQuery(`DROP DATABASE IF EXISTS "${db}"`);
  }
}
process.exit(exitCode);
