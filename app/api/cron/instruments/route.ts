import { AppError } from '@/lib/errors';
import { otherMethods, withCron } from '@/lib/http/route';
import { InstrumentSyncError, syncKiteInstruments } from '@/lib/instruments/sync-kite-instruments';

/** Daily instrument master sync for serverless hosts (e.g. Vercel Cron with CRON_SECRET). */
export const GET = withCron(async () => {
  try {
    const { rows, upserted, badRowCount, ms } = await syncKiteInstruments();
    return { data: { rows, upserted, bad_rows: badRowCount, ms } };
  } catch (error) {
    if (error instanceof InstrumentSyncError) throw new AppError('service_unavailable', error.message);
    throw error;
  }
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
