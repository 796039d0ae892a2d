import 'server-only';
import { createHash } from 'node:crypto';
import { Decimal } from 'decimal.js';
import type { UserId } from '@/lib/auth/user-id';
import { withUserSql } from '@/lib/db/user-sql';
import { getEnv } from '@/lib/env';
import { AppError, notFound } from '@/lib/errors';
import type { Instrument } from '@/lib/instruments/find-instrument';
import type { Quote } from '@/lib/market-data/quote';
import { getPaperAccount } from '@/lib/paper/account/get-paper-account';
import { LOCK_ACTIVE_ACCOUNT_SQL } from '@/lib/paper/account/lock-account';
import { formatInr } from '@/lib/format/inr';
import { checkOrder, marketClosedReason } from './check-order';
import { estimateRequirement } from './estimate-requirement';
import { instrumentWithQuote } from './load-instrument';
import type { PlaceOrderInput } from './order-input';
import { newOrderRow, readOrder, type OrderRow } from './order-row';
import { openingQuantity } from './opening-quantity';
import { adoptKiteCharges } from '@/lib/paper/kite/adopt-kite-charges';
import { liveRequirementForPlacement } from '@/lib/paper/kite/live-requirement';
import { stepOrder } from './run-order';
import { addLedger, newBooking, saveBooking } from './save-booking';
import { loadBookState } from './book-state';
import { Prisma } from '@/prisma/generated/client';

export type PlacedOrder = { order: OrderRow; replayed: boolean };

export function requestHash(input: PlaceOrderInput): string {
  const canonical = Object.keys(input).sort().map((key) => [key, input[key as keyof PlaceOrderInput] ?? null]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/**
 * Places a paper order. Input errors are 4xx and store nothing. Inside the account's lock the
 * idempotency key is honoured, the RMS checks run (market hours, holdings for CNC sells, funds for
 * margin plus estimated charges) and a failing order is stored as REJECTED with the reason; a
 * passing one blocks its margin and is evaluated at once against the same quote.
 */
export async function placePaperOrder({ userId, input, idempotencyKey, now = new Date() }: { userId: UserId; input: PlaceOrderInput; idempotencyKey?: string | undefined; now?: Date }): Promise<PlacedOrder> {
  const { instrument, quote } = await instrumentWithQuote(input.exchange, input.tradingsymbol, now, userId);
  const problems = checkOrder(input, instrument, quote.lastPrice, now);
  if (Object.keys(problems).length > 0) throw new AppError('validation_failed', 'The order is not valid.', problems);
  const hash = requestHash(input);
  // With live Kite prices, Kite's own margin and charges: asked before the lock is taken.
  const live = await liveRequirementForPlacement({ userId, input, instrument, quote, at: now });
  let placed: PlacedOrder;
  try {
    placed = await placeLocked({ userId, input, idempotencyKey, now, instrument, quote, hash, live });
  } catch (error) {
    // First order of a new user: open the account (₹1,00,000) and try once more.
    if (!(error instanceof AppError && error.code === 'not_found')) throw error;
    await getPaperAccount({ userId });
    placed = await placeLocked({ userId, input, idempotencyKey, now, instrument, quote, hash, live });
  }
  // Fills priced by Kite's quotes take Kite's contract note once they are committed.
  if (!placed.replayed && placed.order.filledQuantity > 0 && quote.source === 'kite') await adoptKiteCharges({ userId, orderIds: [placed.order.id], now });
  return placed;
}

type LiveRequirement = Awaited<ReturnType<typeof liveRequirementForPlacement>>;

async function placeLocked(args: { userId: UserId; input: PlaceOrderInput; idempotencyKey?: string | undefined; now: Date; instrument: Instrument; quote: Quote; hash: string; live: LiveRequirement }): Promise<PlacedOrder> {
  const { userId, input, idempotencyKey, now, instrument, quote, hash, live } = args;
  // Two round trips: open + lock + read, then write + commit. The order path is the busiest write there is.
  return withUserSql(userId, async (sql, first) => {
    // Sent before the lock's answer is back: it runs after the lock all the same (see withUserSql).
    const [[account], state] = await Promise.all([first, loadBookState(sql, { userId, accountId: null, exchange: instrument.exchange, tradingsymbol: instrument.tradingsymbol, product: input.product, at: now, idempotencyKey: idempotencyKey ?? null })]);
    if (account === undefined) throw notFound('Paper account');
    if (state.replayOrderId !== null) {
      const existing = await readOrder(sql, state.replayOrderId);
      if (existing.requestHash !== hash) throw new AppError('unprocessable', 'This Idempotency-Key was already used for a different order.');
      return { order: existing, replayed: true };
    }

    // Live Kite prices come with the exchange's real hours; the simulated market follows the setting.
    let rejection = marketClosedReason(instrument.exchange, now, quote.source === 'kite' ? 'nse' : getEnv().SIMULATED_MARKET_HOURS);
    if (rejection === null && input.product === 'CNC' && input.transaction_type === 'SELL') {
      // Settled + T1 holdings less what open CNC sells already claim.
      const sellable = (state.holding ? state.holding.quantity + state.holding.t1Quantity : 0) - state.claimedBySells;
      if (input.quantity > sellable) {
        rejection = `Insufficient holdings: you can sell up to ${Math.max(0, sellable)} ${instrument.tradingsymbol} (no short delivery on CNC).`;
      }
    }
    const opening = openingQuantity(state.position, input);
    // Kite's figures hold only for the position they were asked for; if it moved since, estimate.
    const requirement = live !== null && live.openingQuantity === opening ? live.requirement : estimateRequirement({ order: input, instrument, quote, openingQuantity: opening, at: now });
    if (rejection === null && new Decimal(requirement.total).gt(state.cash)) {
      rejection = `Insufficient funds. Required margin (with estimated charges) is ${formatInr(requirement.total)} but available is ${formatInr(state.cash.toFixed(2))}.`;
    }

    const isStop = input.order_type === 'SL' || input.order_type === 'SL-M';
    const order = newOrderRow({
      userId,
      accountId: state.accountId,
      idempotencyKey: idempotencyKey ?? null,
      requestHash: hash,
      exchange: instrument.exchange,
      tradingsymbol: instrument.tradingsymbol,
      instrumentToken: instrument.instrumentToken,
      transactionType: input.transaction_type,
      orderType: input.order_type,
      product: input.product,
      validity: input.validity,
      quantity: input.quantity,
      price: decimalOrNull(input.price),
      triggerPrice: decimalOrNull(input.trigger_price),
      marketProtection: decimalOrNull(input.market_protection),
      status: rejection !== null ? 'REJECTED' : isStop ? 'TRIGGER_PENDING' : 'OPEN',
      statusMessage: rejection,
      blockedMargin: new Prisma.Decimal(rejection !== null ? '0' : requirement.total),
      tag: input.tag ?? null,
      priceSource: quote.source,
      placedAt: now,
    });
    const booking = newBooking({ userId, accountId: state.accountId, order });
    if (rejection === null) {
      if (new Decimal(requirement.total).gt(0)) {
        addLedger(booking, { kind: 'MARGIN_BLOCK', amount: new Decimal(requirement.total).neg().toFixed(2), note: `Margin blocked for ${input.transaction_type} ${input.quantity} ${instrument.tradingsymbol}`, refId: order.id });
      }
      await stepOrder(booking, { order, instrument, quote, now }, () => state);
    }
    await saveBooking(sql, booking);
    return { order: { ...booking.order, updatedAt: booking.at }, replayed: false };
  }, { first: LOCK_ACTIVE_ACCOUNT_SQL });
}

const decimalOrNull = (value: string | number | undefined) => (value === undefined ? null : new Prisma.Decimal(value));
