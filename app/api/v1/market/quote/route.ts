import { z } from 'zod';
import { withUser } from '@/lib/http/route';
import { getMarketQuotes } from '@/lib/market-data/provider/market-quotes';

const key = z.string().regex(/^[A-Z]+:[^:]{1,64}$/, "Use EXCHANGE:TRADINGSYMBOL, e.g. NSE:INFY.");
const query = z.object({ i: z.union([key, z.array(key).min(1).max(50)]) });

export const GET = withUser({ query }, async ({ user, query }) => ({
  data: { quotes: await getMarketQuotes({ userId: user.id, keys: Array.isArray(query.i) ? query.i : [query.i] }) },
}));
