// `npm start`: build when there is no build or the sources are newer than it, then run the
// production (standalone) server on PORT. With DATABASE_URL unset it runs on the embedded PGlite.
// WEB_CONCURRENCY > 1 (Postgres only) runs that many server processes on the one port.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureBuild } from './lib/ensure-build.mjs';
import { serveWorkers } from './lib/serve-workers.mjs';

const root = path.resolve(import.meta.dirname, '..');
const server = ensureBuild(root);

const env = {
  ...process.env,
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  PORT: process.env.PORT ?? '3000',
  // Not HOSTNAME: shells set that to the machine's name.
  HOSTNAME: process.env.HOST ?? '0.0.0.0',
  // The standalone server changes into its own folder; keep the data next to the project.
  DATA_DIR: path.resolve(root, process.env.DATA_DIR ?? '.data'),
};
if (!env.DATABASE_URL) console.log(`Tradedeck: embedded database in ${env.DATA_DIR} (set DATABASE_URL to use Postgres).`);
console.log(`Tradedeck: open http://localhost:${env.PORT}`);

const requested = Number(process.env.WEB_CONCURRENCY || '1');
if (!Number.isInteger(requested) || requested < 1 || requested > 64) {
  console.error(`Tradedeck cannot start: WEB_CONCURRENCY must be a whole number from 1 to 64 (got "${process.env.WEB_CONCURRENCY}").`);
  process.exit(1);
}
// The embedded database lives inside one process.
const workers = env.DATABASE_URL ? requested : 1;
if (requested > 1 && workers === 1) console.log('Tradedeck: WEB_CONCURRENCY needs DATABASE_URL (the embedded database serves one process); starting one.');

if (workers > 1) {
  console.log(`Tradedeck: ${workers} server processes.`);
  await serveWorkers({ serverPath: server, env, count: workers });
} else {
  const child = spawn(process.execPath, [server], { cwd: path.dirname(server), stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
