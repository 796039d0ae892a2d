import 'server-only';
import type { JobWorker } from './start-job-worker';

// The in-process worker, when this server runs one; kept on globalThis so dev-mode module reloads
// find the same instance instead of starting another.
const registry = globalThis as typeof globalThis & { __tradedeckJobWorker?: JobWorker };

export function registerJobWorker(worker: JobWorker | undefined): void {
  registry.__tradedeckJobWorker = worker;
}

export function currentJobWorker(): JobWorker | undefined {
  return registry.__tradedeckJobWorker;
}

/** Starts a pass now instead of at the next poll, e.g. right after a job was enqueued. */
export function pokeJobWorker(): void {
  registry.__tradedeckJobWorker?.poke();
}
