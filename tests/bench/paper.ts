// npm run bench:paper — concurrent users placing paper orders through the HTTP API of the
// production build on a fresh Postgres database for BENCH_SECONDS (20 s), then pgbench's
// tpcb-like with the same client count on the same server, the ratio, and a reconciliation of
// every account afterwards. Target: ratio ≥ 0.2 and zero drift. Between the two, the same orders
// straight through lib/ in this process, to show how much of the cost is ours and how much HTTP.
import { spawnSync } from 'node:child_process';
import { Agent, request } from 'node:http';
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
  const cpuBefore = server.cpuMs();
  const end = Date.now() + SECONDS * 1000;
  // node:http with one kept-alive connection per client rather than fetch: the load generator
  // shares the machine's cores with the server and Postgres, and fetch costs it several times more.
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const post = (path: string, headers: Record<string, string>, body: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(`${base}${path}`, { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  await Promise.all(
    sessions.map(async (cookie, client) => {
      for (let n = 0; Date.now() < end; n += 1) {
        const body = { exchange: 'NSE', tradingsymbol: 'INFY', transaction_type: n % 2 === 0 ? 'BUY' : 'SELL', order_type: 'MARKET', product: 'MIS', quantity: 1 };
        const started = performance.now();
        const { status: code, text } = await post('/api/v1/paper/orders', { 'content-type': 'application/json', cookie, 'idempotency-key': `b-${client}-${n}` }, JSON.stringify(body));
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
  agent.destroy();
  const cpuAfter = server.cpuMs();
  const serverCpuPerOrder = cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / Math.max(1, latencies.length);
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
  const directCpu = process.cpuUsage();
  await Promise.all(
    direct.map(async (user, client) => {
      for (let n = 0; Date.now() < directEnd; n += 1) {
        const input = placeOrderSchema.parse({ exchange: 'NSE', tradingsymbol: 'INFY', transaction_type: n % 2 === 0 ? 'BUY' : 'SELL', order_type: 'MARKET', product: 'MIS', quantity: 1 });
        await placePaperOrder({ userId: user.id, input, idempotencyKey: `d-${client}-${n}` });
        directOrders += 1;
      }
    }),
  );

  const { user: directUser, system: directSystem } = process.cpuUsage(directCpu);
  const directCpuPerOrder = (directUser + directSystem) / 1000 / Math.max(1, directOrders);

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

  console.log(`\nbench:paper — Postgres, ${CLIENTS} clients, ${SECONDS} s, ${server.workers} server process${server.workers === 1 ? '' : 'es'}`);
  console.log(`POST /api/v1/paper/orders  ${ordersPerSecond.toFixed(1)} orders/s   p50 ${percentile(latencies, 50).toFixed(1)} ms   p99 ${percentile(latencies, 99).toFixed(1)} ms   (${latencies.length} orders, ${failures} non-201, ${[...statuses].map(([s, c]) => `${s} ${c}`).join(', ')})`);
  if (serverCpuPerOrder !== null) console.log(`server CPU per order       ${serverCpuPerOrder.toFixed(2)} ms (the web tier's cost per order; steadier than orders/s on a shared machine)`);
  console.log(`placePaperOrder in-process ${(directOrders / directSeconds).toFixed(1)} orders/s   (${directOrders} orders, same database, no HTTP: the part of the cost that is ours; ${directCpuPerOrder.toFixed(2)} ms CPU per order)`);
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
