import 'server-only';
import { trustedUserId } from '@/lib/auth/user-id';
import { db } from '@/lib/db/client';
import { logError } from '@/lib/log';
import { tradingDayStart } from '@/lib/paper/orders/book-state';
import { processAccount } from './process-account';

/**
 * One pass of the engine over every active account with something to do. Finding the accounts is
 * infrastructure work across users (db() directly); each account is then processed as its owner
 * under row-level security.
 */
export async function runEnginePass(now: Date = new Date()): Promise<{ accounts: number; evaluated: number }> {
  // Open orders and MIS positions need every pass; T1 holdings and F&O expiry change only when
  // the IST day changes, so an account already processed today is skipped for those.
  const dayStart = tradingDayStart(now);
  const rows = await db().$queryRaw<{ userId: string }[]>`
    SELECT DISTINCT a."userId" FROM "PaperAccount" a
    WHERE a."activeUserId" IS NOT NULL AND (
      EXISTS (SELECT 1 FROM "PaperOrder" o WHERE o."accountId" = a.id AND o.status IN ('OPEN', 'TRIGGER PENDING'))
      OR EXISTS (SELECT 1 FROM "PaperPosition" p WHERE p."accountId" = a.id AND p.product = 'MIS' AND p.quantity <> 0)
      OR ((a."processedAt" IS NULL OR a."processedAt" < ${dayStart}) AND (
        EXISTS (SELECT 1 FROM "PaperHolding" h WHERE h."accountId" = a.id AND h."t1Quantity" > 0)
        OR EXISTS (SELECT 1 FROM "PaperPosition" p WHERE p."accountId" = a.id AND p.quantity <> 0 AND p.exchange IN ('NFO', 'BFO'))
      ))
    )`;
  let evaluated = 0;
  for (const row of rows) {
    try {
      evaluated += (await processAccount({ userId: trustedUserId(row.userId), now })).evaluated;
    } catch (error) {
      logError('paper engine', error);
    }
  }
  return { accounts: rows.length, evaluated };
}
