import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildIsCurrent } from './build-state.mjs';

function run(root, command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Builds the standalone server unless a build newer than every source exists. Returns its path. */
export function ensureBuild(root) {
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  const standalone = path.join(root, distDir, 'standalone');
  if (!buildIsCurrent(root)) {
    console.log('Tradedeck: building the app (first start or sources changed)…');
    run(root, process.execPath, ['scripts/generate-client.mjs']);
    run(root, process.execPath, ['node_modules/next/dist/bin/next', 'build']);
    // The standalone server serves static files only from its own folder.
    rmSync(path.join(standalone, distDir, 'static'), { recursive: true, force: true });
    cpSync(path.join(root, distDir, 'static'), path.join(standalone, distDir, 'static'), { recursive: true });
    if (existsSync(path.join(root, 'public'))) cpSync(path.join(root, 'public'), path.join(standalone, 'public'), { recursive: true });
  }
  return path.join(standalone, 'server.js');
}
