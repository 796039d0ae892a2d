import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { childPids } from '../../support/processes';
import { createTestDatabase } from '../../support/test-database';
import { newUser } from '../fixtures';

// The same standalone build that the container image runs, this time on a real Postgres.
const AUTH_SECRET = 'x'.repeat(16) + 'postgres-e2e-secret-value';
const ENCRYPTION_KEYS = `e2e:${Buffer.alloc(32, 7).toString('base64')}`;
const root = path.resolve(import.meta.dirname, '../../..');
const standalone = path.join(root, process.env.NEXT_DIST_DIR || '.next', 'standalone', 'server.js');

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, [standalone], {
    cwd: path.dirname(standalone),
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', HOSTNAME: '127.0.0.1', NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

const alive = (pid: number) => existsSync(`/proc/${pid}`);

async function signIn(request: APIRequestContext, label: string) {
  const user = newUser(label);
  expect((await request.post('/api/v1/auth/register', { data: user })).status()).toBe(201);
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  await request.post('/api/auth/callback/credentials', { form: { csrfToken, email: user.email, password: user.password }, maxRedirects: 0 });
  return user;
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

test.describe('standalone server on Postgres', () => {
  test.describe.configure({ mode: 'serial' });
  let database: Awaited<ReturnType<typeof createTestDatabase>>;

  test.beforeAll(async () => {
    database = await createTestDatabase('tradedeck_e2e');
  });
  test.afterAll(async () => {
    await database?.drop();
  });

  test('refuses to start without AUTH_SECRET or ENCRYPTION_KEYS and names the variable', async () => {
    for (const [env, variable] of [
      [{ ENCRYPTION_KEYS }, 'AUTH_SECRET is not set'],
      [{ AUTH_SECRET }, 'ENCRYPTION_KEYS is not set'],
    ] as const) {
      const { child, output } = startServer({ PORT: String(await freePort()), DATABASE_URL: database.url, ...env });
      const [code] = (await once(child, 'exit')) as [number];
      expect(code).not.toBe(0);
      expect(output()).toContain(variable);
    }
  });

  test('migrates at start-up, reports health and signs a user in', async ({ playwright }) => {
    const port = await freePort();
    const server = startServer({ PORT: String(port), DATABASE_URL: database.url, AUTH_SECRET, ENCRYPTION_KEYS });
    try {
      const baseURL = `http://127.0.0.1:${port}`;
      const request = await playwright.request.newContext({ baseURL });
      await expect
        .poll(async () => (await request.get('/api/health').catch(() => null))?.status(), { timeout: 30_000, message: server.output() })
        .toBe(200);
      expect(await (await request.get('/api/health')).json()).toMatchObject({
        status: 'ok',
        database: { mode: 'postgres', reachable: true },
        migrations: { pending: [] },
      });

      const user = await signIn(request, 'pg');
      expect(await (await request.get('/api/v1/me')).json()).toMatchObject({ user: { email: user.email } });
      expect(await (await request.get('/api/v1/paper/account')).json()).toMatchObject({ account: { cash: '100000.00' } });
      await request.dispose();
    } finally {
      await stop(server.child);
    }
  });

  test('npm start with WEB_CONCURRENCY=2 serves from two processes on one port and stops them together', async ({ playwright }) => {
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', WEB_CONCURRENCY: '2', DATABASE_URL: database.url, AUTH_SECRET, ENCRYPTION_KEYS, NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const baseURL = `http://127.0.0.1:${port}`;
      const request = await playwright.request.newContext({ baseURL });
      await expect.poll(async () => (await request.get('/api/health').catch(() => null))?.status(), { timeout: 60_000, message: output }).toBe(200);
      await expect.poll(() => childPids(child.pid).length, { timeout: 60_000, message: output }).toBe(2);
      expect(output).toContain('2 server processes');

      // The session cookie works whichever process answers (connections are shared out in turn).
      await signIn(request, 'pg-workers');
      const state = await request.storageState();
      const signedIn = await Promise.all(
        Array.from({ length: 6 }, async () => {
          const context = await playwright.request.newContext({ baseURL, storageState: state });
          const status = (await context.get('/api/v1/me')).status();
          await context.dispose();
          return status;
        }),
      );
      expect(signedIn).toEqual([200, 200, 200, 200, 200, 200]);

      // Small API bodies go out uncompressed; large ones are still gzipped.
      const cookie = state.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const small = await fetch(`${baseURL}/api/v1/me`, { headers: { cookie, 'accept-encoding': 'gzip' } });
      expect(small.headers.get('content-encoding')).toBeNull();
      expect(await small.json()).toMatchObject({ user: { email: expect.any(String) } });
      const large = await fetch(`${baseURL}/api/v1/instruments/search?q=NIFTY&limit=50`, { headers: { cookie, 'accept-encoding': 'gzip' } });
      expect(Buffer.byteLength(await large.text())).toBeGreaterThan(4096);
      expect(large.headers.get('content-encoding')).toBe('gzip');
      await request.dispose();

      const workers = childPids(child.pid);
      child.kill('SIGTERM');
      await once(child, 'exit');
      await expect.poll(() => workers.filter(alive)).toEqual([]);
    } finally {
      await stop(child);
    }
  });
});
