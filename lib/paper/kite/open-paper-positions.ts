import 'server-only';
import { Decimal } from 'decimal.js';
import { z } from 'zod';
import type { UserId } from '@/lib/auth/user-id';
import { withUserTx } from '@/lib/db/rls';
import type { OpenPosition } from './kite-order-requirement';

const FnoExchange = z.enum(['NFO', 'BFO']);
const Product = z.enum(['MIS', 'NRML']);

/** The open F&O positions of the user's active PAPER account (never their real Zerodha ones). */
export async function openPaperFnoPositions({ userId }: { userId: UserId }): Promise<OpenPosition[]> {
  const rows = await withUserTx(userId, async (tx) => {
    const account = await tx.paperAccount.findFirst({ where: { userId, activeUserId: userId }, select: { id: true } });
    if (!account) return [];
    return tx.paperPosition.findMany({
      where: { userId, accountId: account.id, exchange: { in: FnoExchange.options }, NOT: { quantity: 0 } },
      select: { exchange: true, tradingsymbol: true, product: true, quantity: true, averagePrice: true },
    });
  });
  const byKey = new Map<string, OpenPosition & { cost: Decimal; units: number }>();
  for (const row of rows) {
    const exchange = FnoExchange.safeParse(row.exchange);
    const product = Product.safeParse(row.product);
    if (!exchange.success || !product.success) continue;
    const key = `${row.exchange}:${row.tradingsymbol}:${row.product}`;
    const entry = byKey.get(key) ?? { exchange: exchange.data, tradingsymbol: row.tradingsymbol, product: product.data, quantity: 0, averagePrice: '0', cost: new Decimal(0), units: 0 };
    entry.quantity += row.quantity;
    entry.cost = entry.cost.plus(new Decimal(row.averagePrice.toString()).mul(Math.abs(row.quantity)));
    entry.units += Math.abs(row.quantity);
    byKey.set(key, entry);
  }
  return [...byKey.values()]
    .filter((entry) => entry.quantity !== 0)
    .map(({ exchange, tradingsymbol, product, quantity, cost, units }) => ({ exchange, tradingsymbol, product, quantity, averagePrice: cost.div(units).toDecimalPlaces(4).toString() }));
}
