import 'server-only';
import { ANALYSIS_JOB_KIND } from '@/lib/analysis/jobs/analysis-job-kind';
import { analysisJobHandler } from '@/lib/analysis/jobs/analysis-job-handler';
import type { JobHandlers } from './job-types';

/** Every job kind this server knows how to run, configured from the environment. */
export function defaultJobHandlers(): JobHandlers {
  return { [ANALYSIS_JOB_KIND]: analysisJobHandler() };
}
