// `npm test`: the whole suite, in the order that fails fastest.
//   1. Prisma client generation and a TypeScript check of everything
//   2. Vitest: unit, integration on Postgres, integration on PGlite
//   3. Playwright: API and browser tests against the production build (built when needed)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const reports = path.join(root, '.reports');
rmSync(reports, { recursive: true, force: true });
const steps = [
  ['Generate Prisma client', [process.execPath, 'scripts/generate-client.mjs']],
  ['Type-check', [process.execPath, 'node_modules/typescript/bin/tsc', '--noEmit', '-p', '.']],
  ['Vitest (unit + integration)', [process.execPath, 'node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(reports, 'vitest.json')}`]],
  ['Playwright (API + browser)', [process.execPath, 'node_modules/@playwright/test/cli.js', 'test']],
];

for (const [name, [command, ...args]] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${name} failed after ${seconds}s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${name} (${seconds}s)`);
}

// One plain closing line for whoever reads the log: every test of both runners counted.
function counts(file, read) {
  return existsSync(file) ? read(JSON.parse(readFileSync(file, 'utf8'))) : { passed: 0, failed: 0 };
}
const vitest = counts(path.join(reports, 'vitest.json'), (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests }));
const playwright = counts(path.join(reports, 'playwright.json'), (r) => ({ passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky }));
console.log(`\nSummary: ${vitest.passed + playwright.passed} passed, ${vitest.failed + playwright.failed} failed`);
