import { db } from '@/lib/db/client';

/** Net open quantity across the user's position rows (the positions view hides closed rows of earlier days). */
export async function netQuantity(userId: string): Promise<number> {
  const rows = await db().paperPosition.findMany({ where: { userId }, select: { quantity: true } });
  return rows.reduce((sum, row) => sum + row.quantity, 0);
}
