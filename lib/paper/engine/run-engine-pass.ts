import 'server-only';
import { trustedUserId } from '@/lib/auth/user-id';
import { db } from '@/lib/db/client';
import { logError } from '@/lib/log';
import { istDateString } from '@/lib/market/calendar';
import { CALENDAR_EXCHANGES } from '@/lib/market/calendar/sessions';
import { tradingDayStart } from '@/lib/paper/orders/book-state';
import { squareOffDue } from './lifecycle-times';
import { processAccount } from './process-account';

/**
 * One pass of the engine over every active account with something to do. Finding the accounts is
 * infrastructure work across users (db() directly); each account is then processed as its owner
 * under row-level security.
 */
export async function runEnginePass(now: Date = new Date()): Promise<{ accounts: number; evaluated: number }> {
  const userIds = await accountsDue(now);
  let evaluated = 0;
  for (const userId of userIds) {
    try {
      evaluated += (await processAccount({ userId: trustedUserId(userId), now })).evaluated;
    } catch (error) {
      logError('paper engine', error);
    }
  }
  return { accounts: userIds.length, evaluated };
}

/** The owners of the active accounts an engine pass at `now` has something to do for. */
export async function accountsDue(now: Date): Promise<string[]> {
  // Open orders need every pass; T1 holdings and F&O expiry change only when the IST day changes,
  // so an account already processed today is skipped for those.
  const dayStart = tradingDayStart(now);
  // An MIS position needs a pass only once its exchange's square-off time has come (NSE hours:
  // positions at Kite's prices follow them whatever the simulated market's setting, and the
  // setting's own times are never earlier) or when it was carried over from an earlier day.
  // Before that a pass over it finds nothing to do, and every open MIS position would otherwise
  // cost its account two transactions every two seconds.
  const squareOffExchanges = CALENDAR_EXCHANGES.filter((exchange) => squareOffDue(exchange, now, 'nse'));
  const rows = await db().$queryRaw<{ userId: string }[]>`
    SELECT DISTINCT a."userId" FROM "PaperAccount" a
    WHERE a."activeUserId" IS NOT NULL AND (
      EXISTS (SELECT 1 FROM "PaperOrder" o WHERE o."accountId" = a.id AND o.status IN ('OPEN', 'TRIGGER PENDING'))
      OR EXISTS (SELECT 1 FROM "PaperPosition" p WHERE p."accountId" = a.id AND p.product = 'MIS' AND p.quantity <> 0
        AND (p.exchange = ANY(${squareOffExchanges}::text[]) OR p."tradingDay" < ${istDateString(now)}::date))
      OR ((a."processedAt" IS NULL OR a."processedAt" < ${dayStart}) AND (
        EXISTS (SELECT 1 FROM "PaperHolding" h WHERE h."accountId" = a.id AND h."t1Quantity" > 0)
        OR EXISTS (SELECT 1 FROM "PaperPosition" p WHERE p."accountId" = a.id AND p.quantity <> 0 AND p.exchange IN ('NFO', 'BFO'))
      ))
    )`;
  return rows.map((row) => row.userId);
}
