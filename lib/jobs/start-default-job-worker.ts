import 'server-only';
import { defaultJobHandlers } from './default-job-handlers';
import { currentJobWorker, registerJobWorker } from './job-worker-registry';
import { startJobWorker } from './start-job-worker';

/** The in-process job worker of a long-lived server; started once per process. */
export function startDefaultJobWorker(): void {
  if (currentJobWorker()) return;
  registerJobWorker(startJobWorker({ handlers: defaultJobHandlers() }));
}
