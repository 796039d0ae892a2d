import { timingSafeEqual } from 'node:crypto';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { otherMethods, withPublic } from '@/lib/http/route';
import { InstrumentSyncError, syncKiteInstruments } from '@/lib/instruments/sync-kite-instruments';

function authorized(header: string | null): boolean {
  const secret = getEnv().CRON_SECRET;
  if (!secret || !header) return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(`Bearer ${secret}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Daily instrument master sync for serverless hosts (e.g. Vercel Cron at 08:30 IST with CRON_SECRET). */
export const GET = withPublic({}, async ({ request }) => {
  if (!authorized(request.headers.get('authorization'))) throw new AppError('unauthenticated', 'This route needs the cron secret.');
  try {
    const { rows, upserted, badRowCount, ms } = await syncKiteInstruments();
    return { data: { rows, upserted, bad_rows: badRowCount, ms } };
  } catch (error) {
    if (error instanceof InstrumentSyncError) throw new AppError('service_unavailable', error.message);
    throw error;
  }
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
