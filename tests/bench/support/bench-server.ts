// The production (standalone) build on a fresh database, for the HTTP benchmarks.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { ensureBuild } from '../../../scripts/lib/ensure-build.mjs';
import { processTree, treeCpuMs } from '../../support/processes';

const root = path.resolve(import.meta.dirname, '../../..');

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * Starts the server the way `npm start` does (building it first when needed) and waits until it is
 * healthy. On Postgres it runs one process per core (WEB_CONCURRENCY), as a production host would;
 * BENCH_WORKERS overrides the count.
 */
export async function startBenchServer({ databaseUrl, env = {} }: { databaseUrl: string; env?: Record<string, string> }) {
  ensureBuild(root);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const workers = Number(process.env.BENCH_WORKERS ?? availableParallelism());
  // BENCH_PROFILE=dir writes a V8 CPU profile of each server process there (for finding where time goes).
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}`] : [];
  const child = spawn(process.execPath, [...profile, path.join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      WEB_CONCURRENCY: String(workers),
      DATABASE_URL: databaseUrl,
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tradedeck-bench-')),
      AUTH_SECRET: 'bench-only-secret-bench-only-secret-0123',
      ENCRYPTION_KEYS: `bench:${Buffer.alloc(32, 1).toString('base64')}`,
      ...env,
    },
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await once(child, 'exit');
  };
  const deadline = Date.now() + 90_000;
  while (!(await fetch(`${base}/api/health`).then((r) => r.ok, () => false))) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error('server did not become healthy within 90 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  // The other workers start once the first is healthy; wait for all of them to serve.
  if (databaseUrl !== '' && workers > 1) await waitForWorkers(child.pid, workers, deadline);
  return { base, stop, workers: databaseUrl === '' ? 1 : workers, cpuMs: () => treeCpuMs(child.pid) };
}

async function waitForWorkers(pid: number | undefined, workers: number, deadline: number): Promise<void> {
  if (pid === undefined || !existsSync(`/proc/${pid}`)) return;
  // start.mjs forks one node process per worker once the first is healthy …
  while (processTree(pid).length < workers + 1) {
    if (Date.now() > deadline) throw new Error(`only ${processTree(pid).length - 1} of ${workers} server workers started`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  // … and each burns a core for a few seconds while it loads; measure only once they are quiet.
  for (let before = treeCpuMs(pid) ?? 0; ; ) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = treeCpuMs(pid) ?? 0;
    if (now - before < 200 || Date.now() > deadline) return;
    before = now;
  }
}

const cookiesOf = (response: Response) => response.headers.getSetCookie().map((cookie) => cookie.split(';')[0] ?? '');

/** Registers a fresh user and signs in the way any script can; returns the session cookie. */
export async function signUpAndSignIn(base: string, label: string): Promise<string> {
  const user = { email: `bench-${label}-${Date.now().toString(36)}@example.test`, password: 'benchmark passphrase 2026', name: `Bench ${label}` };
  const registered = await fetch(`${base}/api/v1/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(user) });
  if (registered.status !== 201) throw new Error(`register failed: ${registered.status}`);
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookiesOf(csrf).join('; ') },
    body: new URLSearchParams({ csrfToken, email: user.email, password: user.password }),
  });
  const session = cookiesOf(signIn).find((cookie) => cookie.startsWith('authjs.session-token='));
  if (!session) throw new Error('sign-in gave no session cookie');
  return session;
}

export const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
