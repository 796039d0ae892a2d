// npm run bench:paper — concurrent users placing paper orders through the HTTP API of the
// production build on a fresh Postgres database for BENCH_SECONDS (20 s), then pgbench's
// tpcb-like with the same client count on the same server, the ratio, and a reconciliation of
// every account afterwards. Target: ratio ≥ 0.2 and zero drift. Between the two, the same orders
// straight through lib/ in this process, to show how much of the cost is ours and how much HTTP.
import { spawnSync } from 'node:child_process';
import { createTestDatabase } from '../support/test-database';
import { percentile, signUpAndSignIn, startBenchServer } from './support/bench-server';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

const appDb = await createTestDatabase('tradedeck_benchpaper');
const pgbenchDb = await createTestDatabase('tradedeck_pgbench');
const server = await startBenchServer({ databaseUrl: appDb.url, env: { DATABASE_POOL_SIZE: String(Math.max(10, CLIENTS + 5)) } });
const base = server.base;

let exitCode = 0;
try {
  const sessions = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => signUpAndSignIn(base, `paper-${i}`)));
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

  // The same orders straight through lib/ in this process (no HTTP, no Next): where the time goes.
  process.env.DATABASE_URL = appDb.url;
  const { createTestUser } = await import('../support/users');
  const { placePaperOrder } = await import('@/lib/paper/orders/place-order');
  const { placeOrderSchema } = await import('@/lib/paper/orders/order-input');
  const direct = await Promise.all(Array.from({ length: CLIENTS }, () => createTestUser('paper-direct')));
  let directOrders = 0;
  const directSeconds = Math.max(5, SECONDS / 2);
  const directEnd = Date.now() + directSeconds * 1000;
  await Promise.all(
    direct.map(async (user, client) => {
      for (let n = 0; Date.now() < directEnd; n += 1) {
        const input = placeOrderSchema.parse({ exchange: 'NSE', tradingsymbol: 'INFY', transaction_type: n % 2 === 0 ? 'BUY' : 'SELL', order_type: 'MARKET', product: 'MIS', quantity: 1 });
        await placePaperOrder({ userId: user.id, input, idempotencyKey: `d-${client}-${n}` });
        directOrders += 1;
      }
    }),
  );

  const pgUrl = pgbenchDb.url;
  const init = spawnSync('pgbench', ['-i', '-q', '-s', '1', pgUrl], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`pgbench -i failed: ${init.stderr}`);
  const run = spawnSync('pgbench', ['-b', 'tpcb-like', '-c', String(CLIENTS), '-j', '2', '-T', String(SECONDS), pgUrl], { encoding: 'utf8' });
  const tps = Number(/tps = ([\d.]+)/.exec(run.stdout)?.[1] ?? 'NaN');
  if (!Number.isFinite(tps)) throw new Error(`pgbench gave no tps: ${run.stdout} ${run.stderr}`);

  const { reconcileAllAccounts } = await import('@/lib/paper/reconcile/reconcile-all');
  const { disconnectDb } = await import('@/lib/db/client');
  const { accounts, drifts } = await reconcileAllAccounts();
  await disconnectDb();

  console.log(`\nbench:paper — Postgres, ${CLIENTS} clients, ${SECONDS} s`);
  console.log(`POST /api/v1/paper/orders  ${ordersPerSecond.toFixed(1)} orders/s   p50 ${percentile(latencies, 50).toFixed(1)} ms   p99 ${percentile(latencies, 99).toFixed(1)} ms   (${latencies.length} orders, ${failures} non-201, ${[...statuses].map(([s, c]) => `${s} ${c}`).join(', ')})`);
  console.log(`placePaperOrder in-process ${(directOrders / directSeconds).toFixed(1)} orders/s   (${directOrders} orders, same database, no HTTP: the part of the cost that is ours)`);
  console.log(`pgbench tpcb-like          ${tps.toFixed(1)} tps`);
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
