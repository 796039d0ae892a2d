import 'server-only';
import { Decimal } from 'decimal.js';
import type { UserId } from '@/lib/auth/user-id';
import type { Tx } from '@/lib/db/rls';

export type Drift = { check: string; detail: string };

/**
 * The reconciliation invariants of one account, checked from stored rows:
 * - cash never below zero (the ledger sum; margin blocks are part of it), and the account row's
 *   cash equal to that sum;
 * - every order's margin is fully released once it has ended, and each position's margin held
 *   equals its ledger movements;
 * - each position's quantities equal the sum of its fills, net and per side.
 */
export async function reconcileAccount(tx: Tx, userId: UserId, accountId: string): Promise<Drift[]> {
  const drifts: Drift[] = [];
  const sum = await tx.ledgerEntry.aggregate({ where: { userId, accountId }, _sum: { amount: true } });
  const balance = new Decimal(sum._sum.amount?.toString() ?? '0');
  if (balance.lt(0)) drifts.push({ check: 'cash', detail: `ledger balance is negative: ${balance.toFixed(2)}` });
  const account = await tx.paperAccount.findFirst({ where: { id: accountId, userId }, select: { cash: true } });
  if (account && !balance.eq(account.cash.toString())) drifts.push({ check: 'cash', detail: `account cash ${account.cash.toString()} ≠ ledger sum ${balance.toFixed(2)}` });

  const charged = await tx.ledgerEntry.aggregate({ where: { userId, accountId, kind: { in: ['CHARGE', 'SQUARE_OFF_CHARGE'] } }, _sum: { amount: true } });
  const fillCharges = await tx.paperFill.aggregate({ where: { userId, accountId }, _sum: { chargesTotal: true } });
  const ledgerCharges = new Decimal(charged._sum.amount?.toString() ?? '0').neg();
  const onFills = new Decimal(fillCharges._sum.chargesTotal?.toString() ?? '0');
  if (!ledgerCharges.eq(onFills)) drifts.push({ check: 'charges', detail: `ledger charges ${ledgerCharges.toFixed(2)} ≠ fill charges ${onFills.toFixed(2)}` });

  const ended = await tx.paperOrder.findMany({ where: { userId, accountId, status: { in: ['COMPLETE', 'CANCELLED', 'REJECTED'] } }, select: { id: true } });
  const endedIds = new Set(ended.map((o) => o.id));
  const byOrder = await tx.ledgerEntry.groupBy({ by: ['refId'], where: { userId, accountId, kind: { in: ['MARGIN_BLOCK', 'MARGIN_RELEASE'] } }, _sum: { amount: true } });
  const positions = await tx.paperPosition.findMany({ where: { userId, accountId } });
  const heldByPosition = new Map(positions.map((position) => [position.id, new Decimal(position.marginHeld.toString())]));
  for (const row of byOrder) {
    const held = row.refId === null ? undefined : heldByPosition.get(row.refId);
    if (held !== undefined) {
      const ledger = new Decimal(row._sum.amount?.toString() ?? '0').neg();
      if (!held.eq(ledger)) drifts.push({ check: 'margin', detail: `position ${row.refId} holds ${held.toFixed(2)} but its ledger holds ${ledger.toFixed(2)}` });
    }
    if (row.refId === null || !endedIds.has(row.refId)) continue;
    const left = new Decimal(row._sum.amount?.toString() ?? '0');
    if (!left.isZero()) drifts.push({ check: 'margin', detail: `order ${row.refId} ended with ${left.neg().toFixed(2)} still blocked` });
  }

  const fills = await tx.paperFill.groupBy({ by: ['exchange', 'tradingsymbol', 'product', 'transactionType'], where: { userId, accountId }, _sum: { quantity: true } });
  const net = new Map<string, { buy: number; sell: number }>();
  for (const fill of fills) {
    const key = `${fill.exchange}:${fill.tradingsymbol}:${fill.product}`;
    const entry = net.get(key) ?? { buy: 0, sell: 0 };
    if (fill.transactionType === 'BUY') entry.buy += fill._sum.quantity ?? 0;
    else entry.sell += fill._sum.quantity ?? 0;
    net.set(key, entry);
  }
  const positionTotals = new Map<string, { buy: number; sell: number; net: number }>();
  for (const position of positions) {
    const key = `${position.exchange}:${position.tradingsymbol}:${position.product}`;
    const entry = positionTotals.get(key) ?? { buy: 0, sell: 0, net: 0 };
    entry.buy += position.buyQuantity;
    entry.sell += position.sellQuantity;
    entry.net += position.quantity;
    positionTotals.set(key, entry);
  }
  for (const key of new Set([...net.keys(), ...positionTotals.keys()])) {
    const fromFills = net.get(key) ?? { buy: 0, sell: 0 };
    const stored = positionTotals.get(key) ?? { buy: 0, sell: 0, net: 0 };
    if (fromFills.buy !== stored.buy || fromFills.sell !== stored.sell || fromFills.buy - fromFills.sell !== stored.net) {
      drifts.push({ check: 'position', detail: `${key}: fills buy ${fromFills.buy} sell ${fromFills.sell}, positions buy ${stored.buy} sell ${stored.sell} net ${stored.net}` });
    }
  }
  return drifts;
}
