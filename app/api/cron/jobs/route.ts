import { withPublic } from '@/lib/http/route';
import { authorizeCron, runCronJobs } from '@/lib/jobs/run-cron-jobs';

// Serverless hosts have no long-lived worker; a scheduled call to this route does its work.
export const maxDuration = 300;

async function handle({ request }: { request: Request }) {
  authorizeCron(request);
  return { data: await runCronJobs() };
}

export const GET = withPublic({}, handle);
export const POST = withPublic({}, handle);
