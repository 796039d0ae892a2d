import 'server-only';
import { Decimal } from 'decimal.js';
import { z } from 'zod';
import type { UserId } from '@/lib/auth/user-id';
import { withUserTx, type Tx } from '@/lib/db/rls';
import { istDateString } from '@/lib/market/calendar/ist';
import { lockActiveAccount } from '@/lib/paper/account/lock-account';
import { type ChargeBreakdown, ChargeBreakdownSchema } from '@/lib/paper/charges/types';
import { KITE_CHARGES_SOURCE, splitAcrossFills, withOwnCharges } from './from-kite-charges';
import { type ContractNoteOrder, contractNotes } from './kite-fill-charges';
import { TWO_ATTEMPTS, withLiveKite } from './live-kite';

const OrderFields = z.object({
  exchange: z.enum(['NSE', 'BSE', 'NFO', 'BFO']),
  transactionType: z.enum(['BUY', 'SELL']),
  product: z.enum(['CNC', 'MIS', 'NRML']),
  orderType: z.enum(['MARKET', 'LIMIT', 'SL', 'SL-M']),
});

type FillRow = { id: string; quantity: number; price: { toString(): string }; charges: unknown; chargesTotal: { toString(): string }; chargesSource: string; filledAt: Date };
type Candidate = { orderId: string; accountId: string; tradingsymbol: string; fillIds: string[]; notes: ContractNoteOrder[] };

const FILL_SELECT = { id: true, quantity: true, price: true, charges: true, chargesTotal: true, chargesSource: true, filledAt: true } as const;
// Fills booked in one engine step share their instant; the id keeps the order of the cumulative notes stable.
const FILL_ORDER = [{ filledAt: 'asc' as const }, { id: 'asc' as const }];

/** The order's fills 1..k for every k, at their average price: what Kite is asked to price. */
function cumulativeOrders(order: { tradingsymbol: string } & z.infer<typeof OrderFields>, fills: readonly FillRow[]): ContractNoteOrder[] {
  let quantity = 0;
  let turnover = new Decimal(0);
  return fills.map((fill) => {
    quantity += fill.quantity;
    turnover = turnover.plus(new Decimal(fill.price.toString()).mul(fill.quantity));
    return {
      exchange: order.exchange,
      tradingsymbol: order.tradingsymbol,
      transaction_type: order.transactionType,
      product: order.product,
      order_type: order.orderType,
      quantity,
      average_price: turnover.div(quantity).toDecimalPlaces(6).toString(),
    };
  });
}

async function candidates(userId: UserId, orderIds: readonly string[], now: Date): Promise<Candidate[]> {
  const orders = await withUserTx(userId, (tx) =>
    tx.paperOrder.findMany({
      where: { userId, id: { in: [...orderIds] } },
      select: { id: true, accountId: true, exchange: true, tradingsymbol: true, transactionType: true, product: true, orderType: true, fills: { select: FILL_SELECT, orderBy: FILL_ORDER } },
    }),
  );
  const today = istDateString(now);
  const found: Candidate[] = [];
  for (const order of orders) {
    const fields = OrderFields.safeParse(order);
    const first = order.fills[0];
    if (!fields.success || !first) continue;
    if (order.fills.every((fill) => fill.chargesSource === KITE_CHARGES_SOURCE)) continue;
    if (order.fills.some((fill) => billedSameDay(fill.charges))) continue;
    // Kite prices a contract note at today's rates: older fills keep the rates of their own day.
    if (istDateString(first.filledAt) !== today) continue;
    found.push({ orderId: order.id, accountId: order.accountId, tradingsymbol: order.tradingsymbol, fillIds: order.fills.map((f) => f.id), notes: cumulativeOrders({ ...fields.data, tradingsymbol: order.tradingsymbol }, order.fills) });
  }
  return found;
}

// Kite's virtual contract note prices each order on its own, so it bills a CNC sell at delivery
// rates even when it closed a buy of the same day; fills we billed as intraday keep our figures.
const billedSameDay = (charges: unknown) => typeof charges === 'object' && charges !== null && 'intraday_quantity' in charges;

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/** Rewrites one order's fills with Kite's shares and books the difference. Returns false when the order changed meanwhile. */
async function adoptOrder(tx: Tx, userId: UserId, accountId: string, candidate: Candidate, shares: readonly ChargeBreakdown[]): Promise<boolean> {
  if (candidate.accountId !== accountId) return false;
  const fills = await tx.paperFill.findMany({ where: { userId, orderId: candidate.orderId }, select: FILL_SELECT, orderBy: FILL_ORDER });
  // New fills since Kite was asked, or another run got here first: the next call handles it.
  if (!sameIds(fills.map((f) => f.id), candidate.fillIds)) return false;
  if (fills.every((fill) => fill.chargesSource === KITE_CHARGES_SOURCE)) return false;
  if (fills.some((fill) => billedSameDay(fill.charges))) return false;
  const stored = fills.map((fill) => ChargeBreakdownSchema.safeParse(fill.charges));
  if (stored.some((parsed) => !parsed.success)) return false;

  let before = new Decimal(0);
  let after = new Decimal(0);
  for (const [i, fill] of fills.entries()) {
    const share = shares[i];
    const own = stored[i]?.data;
    if (!share || !own) return false;
    const charges = withOwnCharges(share, { dp_charges: own.dp_charges, squareoff_charge: own.squareoff_charge });
    await tx.paperFill.update({ where: { id: fill.id, userId }, data: { charges, chargesTotal: charges.total, chargesSource: KITE_CHARGES_SOURCE } });
    before = before.plus(fill.chargesTotal.toString());
    after = after.plus(charges.total);
  }
  const difference = before.minus(after);
  if (!difference.isZero()) {
    await tx.ledgerEntry.create({
      data: {
        userId,
        accountId,
        kind: 'CHARGE',
        amount: difference.toFixed(2),
        note: `Charges on ${candidate.tradingsymbol} adjusted to Zerodha's contract note (${difference.gt(0) ? '+' : '−'}₹${difference.abs().toFixed(2)})`,
        refId: candidate.orderId,
      },
    });
  }
  return true;
}

/**
 * Replaces our computed charges on the given orders' fills with Kite's own (POST /charges/orders),
 * when the user's Kite session is live. Call it AFTER the transaction that booked the fills has
 * committed: Kite is asked first, then one transaction under the account lock rewrites each
 * order's fills (the order's note split across them as computeFillCharges splits, so they add up
 * to it exactly) and posts one CHARGE ledger entry per order with the difference, so the ledger's
 * charges still equal the fills'. The DP and auto square-off charges stay ours (Kite's note has
 * neither). Orders whose fills already carry Kite's charges are left alone, so a second run changes
 * nothing. Null when the session was not live or Kite did not answer; never throws for that.
 */
export async function adoptKiteCharges({ userId, orderIds, now = new Date() }: { userId: UserId; orderIds: readonly string[]; now?: Date }): Promise<{ adopted: string[] } | null> {
  if (orderIds.length === 0) return { adopted: [] };
  // The session is looked up first, so a user without one costs a single read.
  const priced = await withLiveKite({ userId, event: 'kite.charges_failed', retry: TWO_ATTEMPTS }, async (call) => {
    const found = await candidates(userId, orderIds, now);
    const notes = await contractNotes(call, found.flatMap((c) => c.notes), now);
    let offset = 0;
    return found.map((candidate) => {
      const shares = splitAcrossFills(notes.slice(offset, offset + candidate.notes.length));
      offset += candidate.notes.length;
      return { candidate, shares };
    });
  });
  if (priced === null) return null;
  if (priced.length === 0) return { adopted: [] };
  const adopted = await withUserTx(userId, async (tx) => {
    const account = await lockActiveAccount(tx, userId);
    const done: string[] = [];
    for (const { candidate, shares } of priced) {
      if (await adoptOrder(tx, userId, account.id, candidate, shares)) done.push(candidate.orderId);
    }
    return done;
  });
  return { adopted };
}
