import 'server-only';
import { createHash } from 'node:crypto';
import { Decimal } from 'decimal.js';
import type { UserId } from '@/lib/auth/user-id';
import { withUserTx, type Tx } from '@/lib/db/rls';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { Instrument } from '@/lib/instruments/find-instrument';
import type { Quote } from '@/lib/market-data/quote';
import { getPaperAccount } from '@/lib/paper/account/get-paper-account';
import { ledgerBalance, lockActiveAccount } from '@/lib/paper/account/lock-account';
import { formatInr } from '@/lib/format/inr';
import { checkOrder, marketClosedReason } from './check-order';
import { estimateRequirement } from './estimate-requirement';
import { instrumentWithQuote } from './load-instrument';
import type { PlaceOrderInput } from './order-input';
import { LIVE_STATUSES, type OrderRow } from './order-row';
import { runOrder } from './run-order';

export type PlacedOrder = { order: OrderRow; replayed: boolean };

export function requestHash(input: PlaceOrderInput): string {
  const canonical = Object.keys(input).sort().map((key) => [key, input[key as keyof PlaceOrderInput] ?? null]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/** How much of an order would open or add to a position (the rest closes one and needs no margin). */
export async function openingQuantity(tx: Tx, userId: UserId, accountId: string, order: { exchange: string; tradingsymbol: string } & Pick<PlaceOrderInput, "product" | "transaction_type" | "quantity">): Promise<number> {
  if (order.product === 'CNC') return order.transaction_type === 'BUY' ? order.quantity : 0;
  const position = await tx.paperPosition.findFirst({
    where: { accountId, userId, exchange: order.exchange, tradingsymbol: order.tradingsymbol, product: order.product, NOT: { quantity: 0 } },
    orderBy: { tradingDay: 'desc' },
  });
  const held = position?.quantity ?? 0;
  const opposite = order.transaction_type === 'BUY' ? held < 0 : held > 0;
  return opposite ? Math.max(0, order.quantity - Math.abs(held)) : order.quantity;
}

/** Shares a CNC sell may still use: settled + T1 holdings less what open CNC sells already claim. */
async function sellableQuantity(tx: Tx, userId: UserId, accountId: string, instrument: Instrument): Promise<number> {
  const where = { accountId, userId, exchange: instrument.exchange, tradingsymbol: instrument.tradingsymbol };
  const holding = await tx.paperHolding.findFirst({ where });
  const pending = await tx.paperOrder.findMany({
    where: { ...where, product: 'CNC', transactionType: 'SELL', status: { in: LIVE_STATUSES } },
    select: { quantity: true, filledQuantity: true },
  });
  const claimed = pending.reduce((sum, order) => sum + order.quantity - order.filledQuantity, 0);
  return (holding ? holding.quantity + holding.t1Quantity : 0) - claimed;
}

/**
 * Places a paper order. Input errors are 4xx and store nothing. Inside the account's lock the
 * idempotency key is honoured, the RMS checks run (market hours, holdings for CNC sells, funds for
 * margin plus estimated charges) and a failing order is stored as REJECTED with the reason; a
 * passing one blocks its margin and is evaluated at once against the same quote.
 */
export async function placePaperOrder({ userId, input, idempotencyKey, now = new Date() }: { userId: UserId; input: PlaceOrderInput; idempotencyKey?: string | undefined; now?: Date }): Promise<PlacedOrder> {
  const { instrument, quote } = await instrumentWithQuote(input.exchange, input.tradingsymbol, now, userId);
  const problems = checkOrder(input, instrument, quote.lastPrice);
  if (Object.keys(problems).length > 0) throw new AppError('validation_failed', 'The order is not valid.', problems);
  const hash = requestHash(input);
  try {
    return await placeLocked({ userId, input, idempotencyKey, now, instrument, quote, hash });
  } catch (error) {
    // First order of a new user: open the account (₹1,00,000) and try once more.
    if (!(error instanceof AppError && error.code === 'not_found')) throw error;
    await getPaperAccount({ userId });
    return placeLocked({ userId, input, idempotencyKey, now, instrument, quote, hash });
  }
}

async function placeLocked(args: { userId: UserId; input: PlaceOrderInput; idempotencyKey?: string | undefined; now: Date; instrument: Instrument; quote: Quote; hash: string }): Promise<PlacedOrder> {
  const { userId, input, idempotencyKey, now, instrument, quote, hash } = args;
  return withUserTx(userId, async (tx) => {
    const account = await lockActiveAccount(tx, userId);
    if (idempotencyKey !== undefined) {
      const existing = await tx.paperOrder.findFirst({ where: { accountId: account.id, userId, idempotencyKey } });
      if (existing) {
        if (existing.requestHash !== hash) {
          throw new AppError('unprocessable', 'This Idempotency-Key was already used for a different order.');
        }
        return { order: existing, replayed: true };
      }
    }

    // Live Kite prices come with the exchange's real hours; the simulated market follows the setting.
    let rejection = marketClosedReason(instrument.exchange, now, quote.source === 'kite' ? 'nse' : getEnv().SIMULATED_MARKET_HOURS);
    if (rejection === null && input.product === 'CNC' && input.transaction_type === 'SELL') {
      const sellable = await sellableQuantity(tx, userId, account.id, instrument);
      if (input.quantity > sellable) {
        rejection = `Insufficient holdings: you can sell up to ${Math.max(0, sellable)} ${instrument.tradingsymbol} (no short delivery on CNC).`;
      }
    }
    const opening = await openingQuantity(tx, userId, account.id, input);
    const requirement = estimateRequirement({ order: input, instrument, quote, openingQuantity: opening, at: now });
    if (rejection === null) {
      const cash = await ledgerBalance(tx, userId, account.id);
      if (new Decimal(requirement.total).gt(cash)) {
        rejection = `Insufficient funds. Required margin (with estimated charges) is ${formatInr(requirement.total)} but available is ${formatInr(cash.toFixed(2))}.`;
      }
    }

    const isStop = input.order_type === 'SL' || input.order_type === 'SL-M';
    const order = await tx.paperOrder.create({
      data: {
        userId,
        accountId: account.id,
        ...(idempotencyKey !== undefined && { idempotencyKey }),
        requestHash: hash,
        exchange: instrument.exchange,
        tradingsymbol: instrument.tradingsymbol,
        instrumentToken: instrument.instrumentToken,
        transactionType: input.transaction_type,
        orderType: input.order_type,
        product: input.product,
        validity: input.validity,
        quantity: input.quantity,
        price: input.price ?? null,
        triggerPrice: input.trigger_price ?? null,
        marketProtection: input.market_protection ?? null,
        status: rejection !== null ? 'REJECTED' : isStop ? 'TRIGGER_PENDING' : 'OPEN',
        statusMessage: rejection,
        blockedMargin: rejection !== null ? '0' : requirement.total,
        tag: input.tag ?? null,
        priceSource: quote.source,
        placedAt: now,
      },
    });
    if (rejection !== null) return { order, replayed: false };
    if (new Decimal(requirement.total).gt(0)) {
      await tx.ledgerEntry.create({
        data: { userId, accountId: account.id, kind: 'MARGIN_BLOCK', amount: new Decimal(requirement.total).neg().toFixed(2), note: `Margin blocked for ${input.transaction_type} ${input.quantity} ${instrument.tradingsymbol}`, refId: order.id },
      });
    }
    return { order: await runOrder(tx, { userId, order, instrument, quote, now }), replayed: false };
  });
}
