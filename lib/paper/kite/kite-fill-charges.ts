import 'server-only';
import type { Exchanges, OrderType, Product, TransactionType, VirtualContractParam } from 'kiteconnect';
import type { UserId } from '@/lib/auth/user-id';
import { KiteError } from '@/lib/kite/errors';
import type { UserKiteCall } from '@/lib/kite/user-kite';
import type { RetryPolicy } from '@/lib/kite/call-kite';
import type { ChargeBreakdown } from '@/lib/paper/charges/types';
import { fromKiteCharges } from './from-kite-charges';
import { KiteContractNoteSchema } from './kite-schemas';
import { TWO_ATTEMPTS, withLiveKite } from './live-kite';

/** An executed (or imagined) order for Kite's virtual contract note. */
export type ContractNoteOrder = {
  exchange: Exchanges;
  tradingsymbol: string;
  transaction_type: TransactionType;
  product: Product;
  order_type?: OrderType;
  quantity: number;
  /** Decimal string; sent to Kite as the float it takes. */
  average_price: string;
};

const BATCH = 50;

/**
 * Kite's contract note for each order, mapped to our breakdown (rateVersion 'kite'), in the order
 * given. Kite does not echo order_id and answers in request order, so each row is checked against
 * its request; a mismatch counts as a bad answer.
 */
export async function contractNotes(call: UserKiteCall, orders: readonly ContractNoteOrder[], at: Date): Promise<ChargeBreakdown[]> {
  const notes: ChargeBreakdown[] = [];
  for (let start = 0; start < orders.length; start += BATCH) {
    const batch = orders.slice(start, start + BATCH);
    const params: VirtualContractParam[] = batch.map((order, i) => ({
      order_id: String(start + i + 1),
      exchange: order.exchange,
      tradingsymbol: order.tradingsymbol,
      transaction_type: order.transaction_type,
      variety: 'regular',
      product: order.product,
      order_type: order.order_type ?? 'MARKET',
      quantity: order.quantity,
      average_price: Number(order.average_price),
    }));
    const rows = await call({ schema: KiteContractNoteSchema, request: (client) => client.getvirtualContractNote(params) });
    if (rows.length !== batch.length) throw new KiteError('unavailable', 'DataException', 'Kite sent a contract note for a different number of orders.');
    rows.forEach((row, i) => {
      const sent = batch[i];
      if (!sent || row.tradingsymbol !== sent.tradingsymbol || row.exchange !== sent.exchange || row.transaction_type !== sent.transaction_type || row.quantity !== sent.quantity) {
        throw new KiteError('unavailable', 'DataException', 'Kite sent a contract note for a different order.');
      }
      notes.push(fromKiteCharges(row.charges, at));
    });
  }
  return notes;
}

/**
 * Kite's own charges for executed orders (POST /charges/orders) from the user's live session:
 * one breakdown per order, in Zerodha's rounding. Null when the session is not live or Kite fails.
 */
export async function kiteFillCharges({
  userId,
  orders,
  at = new Date(),
  retry = TWO_ATTEMPTS,
}: {
  userId: UserId;
  orders: readonly ContractNoteOrder[];
  at?: Date;
  retry?: RetryPolicy;
}): Promise<ChargeBreakdown[] | null> {
  return withLiveKite({ userId, event: 'kite.charges_failed', retry }, (call) => contractNotes(call, orders, at));
}
