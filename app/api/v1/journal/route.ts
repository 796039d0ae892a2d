import { withUser } from '@/lib/http/route';
import { JournalQuerySchema } from '@/lib/journal/journal-schemas';
import { listJournalTrades } from '@/lib/journal/list-journal-trades';

export const GET = withUser({ query: JournalQuerySchema }, async ({ query, user }) => ({
  data: { trades: await listJournalTrades({ userId: user.id, ...query }) },
}));
