// Runs the standalone server in several processes that share one port (node:cluster), for
// Postgres deployments on machines with more than one core: a Node process uses one core, and
// under load the web tier is what runs out first. The first worker starts alone (it applies the
// migrations and runs the background work: paper engine, analysis jobs, instrument sync); the
// others start once it is healthy, without either. If a worker exits, the whole server exits, so
// a supervisor (systemd, Docker, the platform) restarts it in a known state.
import cluster from 'node:cluster';
import path from 'node:path';

async function healthy(url) {
  return fetch(url).then((response) => response.ok, () => false);
}

/** Starts `count` workers of `serverPath` with `env`; resolves once all of them are up. */
export async function serveWorkers({ serverPath, env, count }) {
  cluster.setupPrimary({ exec: serverPath, cwd: path.dirname(serverPath) });
  let stopping = false;
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(`Tradedeck: server worker ${worker.id} exited (${signal ?? code}); stopping the others.`);
    stopping = true;
    for (const other of Object.values(cluster.workers ?? {})) other?.kill('SIGTERM');
    process.exitCode = code || 1;
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill(signal);
    });
  }

  cluster.fork(env);
  const host = !env.HOSTNAME || env.HOSTNAME === '0.0.0.0' || env.HOSTNAME === '::' ? '127.0.0.1' : env.HOSTNAME;
  const health = `http://${host.includes(':') ? `[${host}]` : host}:${env.PORT}/api/health`;
  while (!(await healthy(health))) {
    if (stopping) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  for (let i = 1; i < count && !stopping; i += 1) cluster.fork({ ...env, MIGRATE_ON_START: 'false', BACKGROUND_WORK: 'false' });
}
