import { otherMethods, withCron } from '@/lib/http/route';
import { runEnginePass } from '@/lib/paper/engine/run-engine-pass';

// On serverless hosts there is no engine loop: a scheduled call runs one pass (fills, expiry,
// square-off, T+1), which also catches up on whatever was missed since the last one.
export const maxDuration = 300;

export const GET = withCron(async () => ({ data: await runEnginePass() }));
export const POST = GET;
export const { PUT, PATCH, DELETE } = otherMethods(['GET', 'POST']);
