import 'server-only';
import { logError } from '@/lib/log';
import { runEnginePass } from './run-engine-pass';

const INTERVAL_MS = 2000;
let timer: NodeJS.Timeout | undefined;

/** Runs engine passes every 2 s while the server runs; a pass never overlaps the previous one. */
export function startPaperEngine(): void {
  if (timer) return;
  let running = false;
  timer = setInterval(() => {
    if (running) return;
    running = true;
    runEnginePass()
      .catch((error: unknown) => logError('paper engine', error))
      .finally(() => {
        running = false;
      });
  }, INTERVAL_MS);
  timer.unref();
}
