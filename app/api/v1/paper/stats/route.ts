import { z } from 'zod';
import { withUser } from '@/lib/http/route';
import { getPaperStats, STATS_PERIODS } from '@/lib/paper/stats/get-stats';

const query = z.object({ account_id: z.uuid().optional(), period: z.enum(STATS_PERIODS).default('all') });

export const GET = withUser({ query }, async ({ user, query }) => ({
  data: { stats: await getPaperStats({ userId: user.id, accountId: query.account_id, period: query.period }) },
}));
