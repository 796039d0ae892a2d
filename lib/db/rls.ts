import 'server-only';
import { db } from '@/lib/db/client';
import type { UserId } from '@/lib/auth/user-id';
import type { Prisma } from '@/prisma/generated/client';

export type Tx = Prisma.TransactionClient;

// The role row-level security applies to (created by the RLS migration). The connecting role may
// own the tables or be a superuser, either of which bypasses RLS, so every user-scoped unit of
// work switches to this role for its transaction.
export const APP_ROLE = 'tradedeck_app';

/**
 * Runs a unit of work as one user: row-level security then hides every row of every other user,
 * whatever the queries inside forget. Keep broker and LLM calls outside: this holds a connection.
 */
export function withUserTx<T>(
  userId: UserId,
  fn: (tx: Tx) => Promise<T>,
  options: { isolationLevel?: Prisma.TransactionIsolationLevel; timeoutMs?: number } = {},
): Promise<T> {
  return db().$transaction(
    async (tx) => {
      // set_config('role', …, true) is SET LOCAL ROLE as a function, so both fit in one round trip.
      await tx.$executeRaw`SELECT set_config('app.user_id', ${userId}, true), set_config('role', ${APP_ROLE}, true)`;
      return fn(tx);
    },
    {
      ...(options.isolationLevel ? { isolationLevel: options.isolationLevel } : {}),
      timeout: options.timeoutMs ?? 10_000,
      maxWait: 10_000,
    },
  );
}
