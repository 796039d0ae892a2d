import { otherMethods, withCron } from '@/lib/http/route';
import { runCronJobs } from '@/lib/jobs/run-cron-jobs';

// Serverless hosts have no long-lived worker; a scheduled call to this route does its work.
export const maxDuration = 300;

export const GET = withCron(async () => ({ data: await runCronJobs() }));
export const POST = GET;
export const { PUT, PATCH, DELETE } = otherMethods(['GET', 'POST']);
