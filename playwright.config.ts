import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { DEMO_APP } from './tests/fakes/kite-server/demo-app';

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const kitePort = port + 1;
const anthropicPort = port + 2;
const kiteURL = `http://127.0.0.1:${kitePort}`;


// Debian's chromium where it exists (our offline machines); otherwise Playwright's own browser.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((candidate) => existsSync(candidate));
const launchOptions = systemChromium
  ? {
      executablePath: systemChromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    }
  : {};

// Every run starts the production server on a fresh embedded database.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'tradedeck-e2e-'));

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: `test-results/${port}`,
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Whole journeys (sign up, link Zerodha, walk five portfolio tabs, expire, disconnect) are ~25 page
  // loads: 13 s on an idle machine, over 30 s on a loaded 2-core CI box running two workers.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '.reports/playwright.json' }], ...(process.env.CI ? [] : [['html', { open: 'never' }] as const])],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions,
  },
  projects: [
    { name: 'api', testMatch: /api\/.*\.spec\.ts/ },
    { name: 'ui', testMatch: /ui\/.*\.spec\.ts/, testIgnore: /mobile\.spec\.ts/, use: { ...devices['Desktop Chrome'], launchOptions } },
    { name: 'mobile', testMatch: /ui\/mobile\.spec\.ts/, use: { ...devices['Pixel 7'], launchOptions } },
  ],
  // The app runs against our own fake Kite and Anthropic servers on loopback (the real clients,
  // the real wire format); both are also scriptable from tests over HTTP (/__control).
  webServer: [
    {
      command: 'node node_modules/tsx/dist/cli.mjs --conditions=react-server scripts/sandbox-kite.ts',
      port: kitePort,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      env: { PORT_KITE: String(kitePort), KITE_REDIRECT_URL: `${baseURL}/api/kite/callback`, KITE_SANDBOX_RATE_LIMITS: '0' },
    },
    {
      command: `node node_modules/tsx/dist/cli.mjs --conditions=react-server tests/fakes/anthropic-server/main.ts --port ${anthropicPort}`,
      port: anthropicPort,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      command: 'node scripts/start.mjs',
      url: `${baseURL}/api/health`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        PORT: String(port),
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        APP_URL: baseURL,
        KITE_API_ROOT: kiteURL,
        KITE_LOGIN_URL: `${kiteURL}/connect/login`,
        ANTHROPIC_BASE_URL: `http://127.0.0.1:${anthropicPort}`,
        ANTHROPIC_API_KEY: 'sk-ant-fake-test-key',
        // The fake Kite's demo app doubles as the platform app for "Login with Zerodha".
        KITE_API_KEY: DEMO_APP.apiKey,
        KITE_API_SECRET: DEMO_APP.apiSecret,
      },
    },
  ],
});
