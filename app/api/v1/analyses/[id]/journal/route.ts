import { withUser } from '@/lib/http/route';
import { SaveTradesBodySchema } from '@/lib/journal/journal-schemas';
import { saveScreenshotTrades } from '@/lib/journal/save-screenshot-trades';

/** Confirms the reviewed trades of a broker-screenshot analysis into the journal. */
export const POST = withUser({ body: SaveTradesBodySchema, bodyLimit: 256 * 1024 }, async ({ body, params, user }) => ({
  status: 201,
  data: await saveScreenshotTrades({ userId: user.id, analysisId: String(params.id ?? ''), trades: body.trades }),
}));
