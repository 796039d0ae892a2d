// npm run bench:paper — concurrent users placing paper orders through the HTTP API of the
// production build on a fresh Postgres database for BENCH_SECONDS (20 s) after an unmeasured
// warm-up of BENCH_WARMUP_ORDERS orders (8,000 per server process); pgbench's tpcb-like with the
// same client count on the same server for as long, the two taking turns in BENCH_ROUNDS (5)
// segments; the ratio; and a reconciliation of every account afterwards. Target: ratio ≥ 0.2 and
// zero drift. Then the same orders straight through lib/ in this process, to show how much of the
// cost is ours and how much HTTP.
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { parentPid, treeCpuMs } from '../support/processes';
import { createTestDatabase } from '../support/test-database';
import { percentile, signUpAndSignIn, startBenchServer } from './support/bench-server';
import { KeepAliveConnection } from './support/keep-alive-client';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
// A long-running server is measured warm. V8 optimises the request path as it runs it, so the CPU
// an order costs falls by half over the first several thousand requests of each server process
// (one run, 10 s windows: 9.3, 6.5, 5.8, 5.2, 4.5, 3.8 ms, then level); that is a count of
// requests, not a time, so the warm-up is counted in orders and its windows are printed.
const WARMUP_WINDOW_SECONDS = 5;

const appDb = await createTestDatabase('tradedeck_benchpaper');
const pgbenchDb = await createTestDatabase('tradedeck_pgbench');
const server = await startBenchServer({ databaseUrl: appDb.url, env: { DATABASE_POOL_SIZE: String(Math.max(10, CLIENTS + 5)) } });
const base = server.base;
const WARMUP_ORDERS = Number(process.env.BENCH_WARMUP_ORDERS ?? 8000 * server.workers);

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

// The machine's speed drifts by 10-30% within minutes on a shared host (pgbench alone went from
// 1,293 to 1,759 tps across one run), so pgbench and the orders take turns in ROUNDS short segments
// of equal length and each side is the sum of its segments: both are measured on the same machine.
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5));
const SEGMENT_SECONDS = Math.max(1, Math.round(SECONDS / ROUNDS));
const initPgbench = spawnSync('pgbench', ['-i', '-q', '-s', '1', pgbenchDb.url], { encoding: 'utf8' });
if (initPgbench.status !== 0) throw new Error(`pgbench -i failed: ${initPgbench.stderr}`);
function runPgbench(): number {
  const run = spawnSync('pgbench', ['-b', 'tpcb-like', '-c', String(CLIENTS), '-j', '2', '-T', String(SEGMENT_SECONDS), pgbenchDb.url], { encoding: 'utf8' });
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
  let placed = 0;
  const placeUntil = (phase: string, end: number, record: boolean) =>
    Promise.all(
      sessions.map(async (cookie, client) => {
        for (let n = 0; Date.now() < end; n += 1, placed += 1) {
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
  const warmup: string[] = [];
  for (let window = 0; placed < WARMUP_ORDERS; window += 1) {
    const [cpu, before, started] = [server.cpuMs(), placed, Date.now()];
    await placeUntil(`w${window}`, started + WARMUP_WINDOW_SECONDS * 1000, false);
    const orders = placed - before;
    const cpuPerOrder = cpu === null ? null : ((server.cpuMs() ?? cpu) - cpu) / Math.max(1, orders);
    warmup.push(`${((orders * 1000) / (Date.now() - started)).toFixed(0)}/s ${cpuPerOrder === null ? '' : `${cpuPerOrder.toFixed(1)} ms`}`.trim());
  }
  const warmupOrders = placed;
  // CPU is summed over the order segments only: pgbench's load would count as the orders'.
  const cpu = { server: 0 as number | null, postgres: 0 as number | null, own: 0 };
  const add = (total: number | null, before: number | null, after: number | null) => (total === null || before === null || after === null ? null : total + after - before);
  const rounds: { tps: number; ordersPerSecond: number }[] = [];
  let elapsedSeconds = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    const tps = runPgbench();
    const [serverBefore, postgresBefore, ownBefore, ordersBefore, started] = [server.cpuMs(), postgresCpuMs(), process.cpuUsage(), latencies.length, Date.now()];
    await placeUntil(`b${round}`, started + SEGMENT_SECONDS * 1000, true);
    const seconds = (Date.now() - started) / 1000;
    const own = process.cpuUsage(ownBefore);
    cpu.server = add(cpu.server, serverBefore, server.cpuMs());
    cpu.postgres = add(cpu.postgres, postgresBefore, postgresCpuMs());
    cpu.own += (own.user + own.system) / 1000;
    elapsedSeconds += seconds;
    rounds.push({ tps, ordersPerSecond: (latencies.length - ordersBefore) / seconds });
  }
  for (const connection of connections) connection.close();
  const perOrder = (total: number | null) => (total === null ? null : total / Math.max(1, latencies.length));
  const serverCpuPerOrder = perOrder(cpu.server);
  const postgresCpuPerOrder = perOrder(cpu.postgres);
  const loadCpuPerOrder = perOrder(cpu.own);
  // Segments are of equal length, so the mean of the segments' tps is pgbench's rate over them all.
  const tps = rounds.reduce((sum, r) => sum + r.tps, 0) / rounds.length;
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
  await directUntil('dw', Date.now() + 10_000, false);
  const directSeconds = Math.max(5, SECONDS / 2);
  const directCpu = process.cpuUsage();
  await directUntil('d', Date.now() + directSeconds * 1000, true);

  const { user: directUser, system: directSystem } = process.cpuUsage(directCpu);
  const directCpuPerOrder = (directUser + directSystem) / 1000 / Math.max(1, directOrders);

  const { reconcileAllAccounts } = await import('@/lib/paper/reconcile/reconcile-all');
  const { disconnectDb } = await import('@/lib/db/client');
  const { accounts, drifts } = await reconcileAllAccounts();
  await disconnectDb();

  console.log(`\nbench:paper — Postgres, ${CLIENTS} clients, ${SECONDS} s measured after a warm-up of ${warmupOrders} orders, ${server.workers} server process${server.workers === 1 ? '' : 'es'}`);
  console.log(`warm-up, ${WARMUP_WINDOW_SECONDS} s windows (orders/s, web-tier CPU per order): ${warmup.join(' · ')}`);
  console.log(`POST /api/v1/paper/orders  ${ordersPerSecond.toFixed(1)} orders/s   p50 ${percentile(latencies, 50).toFixed(1)} ms   p99 ${percentile(latencies, 99).toFixed(1)} ms   (${latencies.length} orders, ${failures} non-201, ${[...statuses].map(([s, c]) => `${s} ${c}`).join(', ')})`);
  const ms = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(2)} ms`);
  console.log(`CPU per order              web tier ${ms(serverCpuPerOrder)}, Postgres ${ms(postgresCpuPerOrder)}, load generator ${ms(loadCpuPerOrder)} (steadier than orders/s on a shared machine)`);
  console.log(`placePaperOrder in-process ${(directOrders / directSeconds).toFixed(1)} orders/s   (${directOrders} orders, same database, no HTTP: the part of the cost that is ours; ${directCpuPerOrder.toFixed(2)} ms CPU per order)`);
  console.log(`pgbench tpcb-like          ${tps.toFixed(1)} tps`);
  console.log(`rounds (pgbench ${SEGMENT_SECONDS} s, then orders ${SEGMENT_SECONDS} s): ${rounds.map((r) => `${r.tps.toFixed(0)} tps / ${r.ordersPerSecond.toFixed(0)} orders/s = ${(r.ordersPerSecond / r.tps).toFixed(3)}`).join(' · ')}`);
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
