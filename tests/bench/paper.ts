// npm run bench:paper — concurrent users placing paper orders through the HTTP API of the
// production build on a fresh Postgres database for BENCH_SECONDS (20 s) after BENCH_WARMUP_SECONDS
// (10 s) of unmeasured warm-up; pgbench's tpcb-like with the same client count on the same server
// just before and just after; the ratio; and a reconciliation of every account afterwards. Target:
// ratio ≥ 0.2 and zero drift. Then the same orders straight through lib/ in this process, to show
// how much of the cost is ours and how much HTTP.
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { parentPid, treeCpuMs } from '../support/processes';
import { createTestDatabase } from '../support/test-database';
import { percentile, signUpAndSignIn, startBenchServer } from './support/bench-server';
import { KeepAliveConnection } from './support/keep-alive-client';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);

const appDb = await createTestDatabase('tradedeck_benchpaper');
const pgbenchDb = await createTestDatabase('tradedeck_pgbench');
const server = await startBenchServer({ databaseUrl: appDb.url, env: { DATABASE_POOL_SIZE: String(Math.max(10, CLIENTS + 5)) } });
const base = server.base;

// The local Postgres's CPU (postmaster and all its backends), read from /proc: with the web tier's
// and the load generator's own, where each order's CPU goes on a machine all three share.
async function postmasterPid(url: string): Promise<number | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    return rows[0] ? parentPid(rows[0].pid) : null;
  } finally {
    await client.end();
  }
}
const postgresPid = await postmasterPid(appDb.url).catch(() => null);
const postgresCpuMs = () => (postgresPid === null ? null : treeCpuMs(postgresPid));

// pgbench runs just before and just after the orders and the ratio uses the mean: on a shared
// machine the baseline drifts by 10% or more within minutes.
const initPgbench = spawnSync('pgbench', ['-i', '-q', '-s', '1', pgbenchDb.url], { encoding: 'utf8' });
if (initPgbench.status !== 0) throw new Error(`pgbench -i failed: ${initPgbench.stderr}`);
function runPgbench(): number {
  const run = spawnSync('pgbench', ['-b', 'tpcb-like', '-c', String(CLIENTS), '-j', '2', '-T', String(SECONDS), pgbenchDb.url], { encoding: 'utf8' });
  const tps = Number(/tps = ([\d.]+)/.exec(run.stdout)?.[1] ?? 'NaN');
  if (!Number.isFinite(tps)) throw new Error(`pgbench gave no tps: ${run.stdout} ${run.stderr}`);
  return tps;
}

let exitCode = 0;
try {
  const sessions = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => signUpAndSignIn(base, `paper-${i}`)));
  // Each client alternates MIS market buys and sells of one share: every order fills, is charged
  // and moves margin, and the account never runs dry.
  // One kept-alive connection per client, through a lean client (support/keep-alive-client.ts): the
  // load generator's CPU is taken from the machine it measures.
  const connections = await Promise.all(sessions.map(() => KeepAliveConnection.open(base)));
  const latencies: number[] = [];
  const statuses = new Map<string, number>();
  let failures = 0;
  const placeUntil = (phase: string, end: number, record: boolean) =>
    Promise.all(
      sessions.map(async (cookie, client) => {
        for (let n = 0; Date.now() < end; n += 1) {
          const body = { exchange: 'NSE', tradingsymbol: 'INFY', transaction_type: n % 2 === 0 ? 'BUY' : 'SELL', order_type: 'MARKET', product: 'MIS', quantity: 1 };
          const started = performance.now();
          const { status: code, text } = await connections[client]!.post('/api/v1/paper/orders', { 'content-type': 'application/json', cookie, 'idempotency-key': `${phase}-${client}-${n}` }, JSON.stringify(body));
          if (!record) continue;
          latencies.push(performance.now() - started);
          if (code !== 201) {
            failures += 1;
            continue;
          }
          const status = (JSON.parse(text) as { order: { status: string } }).order.status;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      }),
    );
  const tpsBefore = runPgbench();
  // A server runs warm: V8 compiles the hot paths over the first ten seconds or so of load (orders/s
  // roughly doubles in that time), so those orders are placed but not measured.
  const warmupStarted = Date.now();
  await placeUntil('w', warmupStarted + WARMUP_SECONDS * 1000, false);
  const cpuBefore = server.cpuMs();
  const postgresBefore = postgresCpuMs();
  const ownBefore = process.cpuUsage();
  const measuredStarted = Date.now();
  await placeUntil('b', measuredStarted + SECONDS * 1000, true);
  const elapsedSeconds = (Date.now() - measuredStarted) / 1000;
  for (const connection of connections) connection.close();
  const own = process.cpuUsage(ownBefore);
  const perOrder = (before: number | null, after: number | null) => (before === null || after === null ? null : (after - before) / Math.max(1, latencies.length));
  const serverCpuPerOrder = perOrder(cpuBefore, server.cpuMs());
  const postgresCpuPerOrder = perOrder(postgresBefore, postgresCpuMs());
  const loadCpuPerOrder = perOrder(0, (own.user + own.system) / 1000);
  // Only once the CPU figures above are read: pgbench's load would count as the orders'.
  const tpsAfter = runPgbench();
  const tps = (tpsBefore + tpsAfter) / 2;
  latencies.sort((a, b) => a - b);
  const ordersPerSecond = latencies.length / elapsedSeconds;

  // The same orders straight through lib/ in this process (no HTTP, no Next): where the time goes.
  process.env.DATABASE_URL = appDb.url;
  const { createTestUser } = await import('../support/users');
  const { placePaperOrder } = await import('@/lib/paper/orders/place-order');
  const { placeOrderSchema } = await import('@/lib/paper/orders/order-input');
  const direct = await Promise.all(Array.from({ length: CLIENTS }, () => createTestUser('paper-direct')));
  let directOrders = 0;
  const directUntil = (phase: string, end: number, record: boolean) =>
    Promise.all(
      direct.map(async (user, client) => {
        for (let n = 0; Date.now() < end; n += 1) {
          const input = placeOrderSchema.parse({ exchange: 'NSE', tradingsymbol: 'INFY', transaction_type: n % 2 === 0 ? 'BUY' : 'SELL', order_type: 'MARKET', product: 'MIS', quantity: 1 });
          await placePaperOrder({ userId: user.id, input, idempotencyKey: `${phase}-${client}-${n}` });
          if (record) directOrders += 1;
        }
      }),
    );
  await directUntil('dw', Date.now() + (WARMUP_SECONDS * 1000) / 2, false);
  const directSeconds = Math.max(5, SECONDS / 2);
  const directCpu = process.cpuUsage();
  await directUntil('d', Date.now() + directSeconds * 1000, true);

  const { user: directUser, system: directSystem } = process.cpuUsage(directCpu);
  const directCpuPerOrder = (directUser + directSystem) / 1000 / Math.max(1, directOrders);

  const { reconcileAllAccounts } = await import('@/lib/paper/reconcile/reconcile-all');
  const { disconnectDb } = await import('@/lib/db/client');
  const { accounts, drifts } = await reconcileAllAccounts();
  await disconnectDb();

  console.log(`\nbench:paper — Postgres, ${CLIENTS} clients, ${SECONDS} s measured after ${WARMUP_SECONDS} s of warm-up, ${server.workers} server process${server.workers === 1 ? '' : 'es'}`);
  console.log(`POST /api/v1/paper/orders  ${ordersPerSecond.toFixed(1)} orders/s   p50 ${percentile(latencies, 50).toFixed(1)} ms   p99 ${percentile(latencies, 99).toFixed(1)} ms   (${latencies.length} orders, ${failures} non-201, ${[...statuses].map(([s, c]) => `${s} ${c}`).join(', ')})`);
  const ms = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(2)} ms`);
  console.log(`CPU per order              web tier ${ms(serverCpuPerOrder)}, Postgres ${ms(postgresCpuPerOrder)}, load generator ${ms(loadCpuPerOrder)} (steadier than orders/s on a shared machine)`);
  console.log(`placePaperOrder in-process ${(directOrders / directSeconds).toFixed(1)} orders/s   (${directOrders} orders, same database, no HTTP: the part of the cost that is ours; ${directCpuPerOrder.toFixed(2)} ms CPU per order)`);
  console.log(`pgbench tpcb-like          ${tps.toFixed(1)} tps (mean of ${tpsBefore.toFixed(1)} before and ${tpsAfter.toFixed(1)} after the orders)`);
  const ratio = ordersPerSecond / tps;
  console.log(`ratio orders/s ÷ pgbench tps: ${ratio.toFixed(3)} (target ≥ 0.2)`);
  console.log(`reconciliation: ${accounts} accounts, ${drifts.length} drift(s)${drifts.length ? `: ${JSON.stringify(drifts.slice(0, 5))}` : ''}`);
  if (drifts.length > 0 || failures > 0) exitCode = 1;
} finally {
  await server.stop();
  await appDb.drop();
  await pgbenchDb.drop();
}
process.exit(exitCode);
