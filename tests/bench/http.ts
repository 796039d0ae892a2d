// npm run bench:http — the production build under load: GET /api/v1/me (signed in) against
// GET /api/health, 50 connections for 10 s each, on a fresh Postgres database (BENCH_DB=pglite for
// the embedded one). Prints requests/s, p99 and the ratio.
import autocannon from 'autocannon';
import { createTestDatabase } from '../support/test-database';
import { signUpAndSignIn, startBenchServer } from './support/bench-server';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const usePglite = process.env.BENCH_DB === 'pglite';

const database = usePglite ? null : await createTestDatabase('tradedeck_bench');
const server = await startBenchServer({ databaseUrl: database?.url ?? '', env: { DATABASE_POOL_SIZE: '20' } });

type Load = { title: string; rps: number; p50: number; p99: number; total: number };

async function load(title: string, path: string, headers: Record<string, string> = {}): Promise<Load> {
  const result = await autocannon({ url: `${server.base}${path}`, connections: CONNECTIONS, duration: DURATION, headers });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${title}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { title, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total };
}

try {
  const cookie = await signUpAndSignIn(server.base, 'http');
  await load('warm-up', '/api/v1/me', { cookie });
  const health = await load('GET /api/health', '/api/health');
  const me = await load('GET /api/v1/me', '/api/v1/me', { cookie });

  console.log(`\nbench:http — ${usePglite ? 'PGlite (embedded)' : 'Postgres'}, ${CONNECTIONS} connections, ${DURATION} s each`);
  for (const r of [health, me]) {
    console.log(`${r.title.padEnd(18)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   (${r.total} requests)`);
  }
  console.log(`ratio /me ÷ /health: ${(me.rps / health.rps).toFixed(2)} (target ≥ 0.40)   p99 /me: ${me.p99} ms (target ≤ 50 ms)`);
} finally {
  await server.stop();
  await database?.drop();
}
