// `npm start`: build when there is no build or the sources are newer than it, then run the
// production (standalone) server on PORT. With DATABASE_URL unset it runs on the embedded PGlite.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildIsCurrent } from './lib/build-state.mjs';

const root = path.resolve(import.meta.dirname, '..');
const standalone = path.join(root, '.next', 'standalone');

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!buildIsCurrent(root)) {
  console.log('Tradedeck: building the app (first start or sources changed)…');
  run(process.execPath, ['scripts/generate-client.mjs']);
  run(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { ...process.env, NEXT_TELEMETRY_DISABLED: '1' });
  // The standalone server serves static files only from its own folder.
  rmSync(path.join(standalone, '.next', 'static'), { recursive: true, force: true });
  cpSync(path.join(root, '.next', 'static'), path.join(standalone, '.next', 'static'), { recursive: true });
  if (existsSync(path.join(root, 'public'))) cpSync(path.join(root, 'public'), path.join(standalone, 'public'), { recursive: true });
}

const env = {
  ...process.env,
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  PORT: process.env.PORT ?? '3000',
  HOSTNAME: process.env.HOSTNAME_BIND ?? process.env.HOST ?? '0.0.0.0',
  // The standalone server changes into its own folder; keep the data next to the project.
  DATA_DIR: path.resolve(root, process.env.DATA_DIR ?? '.data'),
};
if (!env.DATABASE_URL) console.log(`Tradedeck: embedded database in ${env.DATA_DIR} (set DATABASE_URL to use Postgres).`);
console.log(`Tradedeck: http://localhost:${env.PORT}`);

const server = spawn(process.execPath, [path.join(standalone, 'server.js')], { cwd: standalone, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
