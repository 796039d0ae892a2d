// Runs the fake on its own, for Playwright or a dev server in another process:
//   npx tsx --conditions=react-server tests/fakes/anthropic-server/main.ts [--port 4010]
// Prints one line, FAKE_ANTHROPIC_URL=http://127.0.0.1:PORT, once it listens. Point the app at it
// with ANTHROPIC_BASE_URL and ANTHROPIC_API_KEY (FAKE_ANTHROPIC_API_KEY, or the default below),
// and script it with POST /__control, e.g. {"action":"enqueue","scenario":{"kind":"overloaded"},"times":2}.
import { FAKE_ANTHROPIC_API_KEY, startFakeAnthropic } from './server';

function portArgument(argv: readonly string[]): number {
  const at = argv.indexOf('--port');
  const value = at === -1 ? (process.env.FAKE_ANTHROPIC_PORT ?? '0') : (argv[at + 1] ?? '');
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port ${value}`);
  return port;
}

const fake = await startFakeAnthropic({
  port: portArgument(process.argv.slice(2)),
  apiKey: process.env.FAKE_ANTHROPIC_API_KEY ?? FAKE_ANTHROPIC_API_KEY,
});
process.stdout.write(`FAKE_ANTHROPIC_URL=${fake.url}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void fake.close().then(() => process.exit(0));
  });
}
