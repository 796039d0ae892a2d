// Runs the fake Kite Connect server for local demos and Playwright.
//   npx tsx --conditions=react-server scripts/sandbox-kite.ts
// Env: PORT_KITE (default 5010), KITE_SANDBOX_HOST (default 127.0.0.1), KITE_REDIRECT_URL
// (default http://localhost:3000/api/kite/callback), KITE_INSTRUMENTS_CSV, KITE_SANDBOX_RATE_LIMITS=0.
import { startFakeKite } from '../tests/fakes/kite-server/server';

function portFrom(value: string | undefined): number {
  if (value === undefined || value === '') return 5010;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT_KITE must be a port number, got "${value}"`);
  return port;
}

const fake = await startFakeKite({
  port: portFrom(process.env.PORT_KITE),
  host: process.env.KITE_SANDBOX_HOST || '127.0.0.1',
  redirectUrl: process.env.KITE_REDIRECT_URL || undefined,
  instrumentsCsv: process.env.KITE_INSTRUMENTS_CSV || undefined,
  rateLimits: process.env.KITE_SANDBOX_RATE_LIMITS !== '0',
});

const { demoApp, users } = fake.control;
const lines = [
  `Fake Kite Connect listening on ${fake.url}`,
  '',
  'Point the app at it:',
  `  KITE_API_ROOT=${fake.url}`,
  `  KITE_LOGIN_URL=${fake.loginUrl}`,
  '',
  'Demo Kite app (save it in Tradedeck under Settings → Zerodha, then press Connect Zerodha):',
  `  api_key:      ${demoApp.apiKey}`,
  `  api_secret:   ${demoApp.apiSecret}`,
  `  redirect URL: ${demoApp.redirectUrl}`,
  '',
  'Fake Zerodha users (the login page pre-fills the first):',
  ...users.map((user) => `  ${user.userId}  password ${user.password}  (${user.userName})`),
  '',
  `Scenarios: POST ${fake.url}/__control/<action> with JSON, e.g.`,
  `  curl -X POST ${fake.url}/__control/expire-tokens`,
  `  curl -X POST ${fake.url}/__control/fail-next -H 'content-type: application/json' -d '{"path":"/portfolio/holdings","status":429,"count":3}'`,
  '  actions: add-app, expire-tokens, expire-request-tokens, fail-next, slow, malformed, rate-limiting, advance-clock, clear-requests, reset',
  `  GET ${fake.url}/__control/requests shows what the app sent.`,
];
console.log(lines.join('\n'));

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping fake Kite`);
  fake.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
