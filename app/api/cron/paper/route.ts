import { withPublic } from '@/lib/http/route';
import { authorizePaperCron } from '@/lib/paper/engine/authorize-cron';
import { runEnginePass } from '@/lib/paper/engine/run-engine-pass';

// On serverless hosts there is no engine loop: a scheduled call runs one pass (fills, expiry,
// square-off, T+1), which also catches up on whatever was missed since the last one.
export const maxDuration = 300;

async function handle({ request }: { request: Request }) {
  authorizePaperCron(request);
  return { data: await runEnginePass() };
}

export const GET = withPublic({}, handle);
export const POST = withPublic({}, handle);
