import 'server-only';
import type { UserId } from '@/lib/auth/user-id';
import { withUserTx, type Tx } from '@/lib/db/rls';
import { sqlOf } from '@/lib/db/user-sql';
import { getEnv } from '@/lib/env';
import type { Instrument } from '@/lib/instruments/find-instrument';
import { cachedInstrument, cachedInstruments } from '@/lib/market-data/instrument-cache';
import { getQuotes } from '@/lib/market-data/provider/get-quotes';
import { quoteKey } from '@/lib/market-data/provider/quote-provider';
import type { Quote } from '@/lib/market-data/quote';
import { istDateString, isTradingDay } from '@/lib/market/calendar';
import { isExpired } from '@/lib/instruments/contract-expired';
import { underlyingOf } from '@/lib/instruments/underlying';
import { dayOrderExpired, squareOffDue } from './lifecycle-times';
import { kiteSettlementPrices } from './kite-settlement';
import { settleExpired } from './settle-expired';
import { lockActiveAccount } from '@/lib/paper/account/lock-account';
import { adoptKiteCharges } from '@/lib/paper/kite/adopt-kite-charges';
import { lockAndLoadBookState, tradingDayOf, tradingDayStart } from '@/lib/paper/orders/book-state';
import { liveOrders } from '@/lib/paper/orders/live-orders';
import { newOrderRow, type OrderRow } from '@/lib/paper/orders/order-row';
import { cancelOrder, runOrder, stepOrder } from '@/lib/paper/orders/run-order';
import { newBooking, saveBooking } from '@/lib/paper/orders/save-booking';

type Hours = 'always' | 'nse';

async function loadTargets(keys: Set<string>, now: Date, userId: UserId): Promise<{ instruments: Map<string, Instrument>; quotes: Map<string, Quote> }> {
  const instruments = await cachedInstruments(keys);
  return { instruments, quotes: await getQuotes([...instruments.values()], now, userId) };
}

/** The underlyings of expired contracts, keyed by the contract: looked up before the transaction opens. */
async function underlyingsOf(expired: Map<string, Instrument>): Promise<Map<string, Instrument>> {
  const found = new Map<string, Instrument>();
  for (const [key, instrument] of expired) {
    const underlying = underlyingOf(instrument);
    const row = underlying === null ? null : await cachedInstrument(underlying.exchange, underlying.tradingsymbol);
    if (row) found.set(key, row);
  }
  return found;
}

/**
 * One engine pass over a user's active account: fills open orders against fresh quotes, expires
 * DAY orders after the close, squares off MIS positions at 15:20/15:25 IST (nse hours), and
 * settles T1 holdings. Every step depends only on the clock and stored state, so a pass after a
 * restart catches up on whatever was missed. Quotes are fetched before the transaction opens.
 */
export async function processAccount({ userId, now = new Date() }: { userId: UserId; now?: Date }): Promise<{ evaluated: number }> {
  const hours = getEnv().SIMULATED_MARKET_HOURS;
  const pending = await withUserTx(userId, async (tx) => {
    const account = await tx.paperAccount.findFirst({ where: { userId, activeUserId: userId }, select: { id: true } });
    if (!account) return null;
    const orders = await liveOrders(sqlOf(tx), { userId, accountId: account.id });
    const positions = await tx.paperPosition.findMany({
      where: { userId, accountId: account.id, NOT: { quantity: 0 }, OR: [{ product: 'MIS' }, { exchange: { in: ['NFO', 'BFO'] } }] },
      select: { exchange: true, tradingsymbol: true },
    });
    const t1 = await tx.paperHolding.count({ where: { userId, accountId: account.id, t1Quantity: { gt: 0 } } });
    return { accountId: account.id, keys: new Set([...orders, ...positions].map(quoteKey)), t1 };
  });
  if (pending === null || (pending.keys.size === 0 && pending.t1 === 0)) return { evaluated: 0 };
  const { instruments, quotes } = await loadTargets(pending.keys, now, userId);
  const expired = new Map([...instruments].filter(([, instrument]) => isExpired(instrument, now)));
  const underlyings = await underlyingsOf(expired);
  const kiteCloses = await kiteSettlementPrices({ userId, accountId: pending.accountId, now, expired, underlyings });

  // Orders that filled at Kite's prices, to take Kite's contract note once this pass has committed.
  const kiteFilled: string[] = [];
  const noteKiteFill = (before: OrderRow, after: OrderRow) => {
    if (after.filledQuantity > before.filledQuantity && after.priceSource === 'kite') kiteFilled.push(after.id);
  };
  const result = await withUserTx(userId, async (tx) => {
    const account = await lockActiveAccount(tx, userId);
    let evaluated = 0;
    const live = await liveOrders(sqlOf(tx), { userId, accountId: account.id });
    for (const order of live) {
      if (order.validity === 'DAY' && order.tag !== 'SQUAREOFF' && dayOrderExpired(order.placedAt, now, order.exchange, order.priceSource === 'kite' ? 'nse' : hours)) {
        await expire(tx, userId, order);
        continue;
      }
      const instrument = instruments.get(quoteKey(order));
      const quote = quotes.get(quoteKey(order));
      if (!instrument || !quote) continue;
      // A square-off order may have to use the last quote of the session when the engine catches up after the close.
      const at = order.tag === 'SQUAREOFF' && quote.timestamp.getTime() < now.getTime() - 5000 ? quote.timestamp : now;
      noteKiteFill(order, await runOrder(tx, { userId, order, instrument, quote, now: at, autoSquareOff: order.tag === 'SQUAREOFF' }));
      evaluated += 1;
    }
    await settleExpired(tx, { userId, accountId: account.id, expired, underlyings, kiteCloses });
    await squareOff(tx, { userId, accountId: account.id, now, hours, instruments, quotes, noteKiteFill });
    await settleT1(tx, { userId, accountId: account.id, now, hours });
    await tx.paperAccount.update({ where: { id: account.id }, data: { processedAt: now } });
    return { evaluated };
  });
  if (kiteFilled.length > 0) await adoptKiteCharges({ userId, orderIds: kiteFilled, now });
  return result;
}

async function expire(tx: Tx, userId: UserId, order: OrderRow): Promise<void> {
  await cancelOrder(tx, { userId, order, message: 'DAY order expired at market close.', releaseNote: 'Margin released: DAY order expired' });
}

async function squareOff(
  tx: Tx,
  args: { userId: UserId; accountId: string; now: Date; hours: Hours; instruments: Map<string, Instrument>; quotes: Map<string, Quote>; noteKiteFill: (before: OrderRow, after: OrderRow) => void },
): Promise<void> {
  const { userId, accountId, now, hours } = args;
  const positions = await tx.paperPosition.findMany({ where: { userId, accountId, product: 'MIS', NOT: { quantity: 0 } } });
  for (const position of positions) {
    const key = quoteKey(position);
    const instrument = args.instruments.get(key);
    const quote = args.quotes.get(key);
    if (!instrument || !quote) continue;
    // At Kite's prices the exchange's hours apply, whatever the simulated market's setting.
    const positionHours = quote.source === 'kite' ? 'nse' : hours;
    if (!squareOffDue(position.exchange, now, positionHours) && tradingDayOf(now).getTime() === position.tradingDay.getTime()) continue;
    const pending = await liveOrders(sqlOf(tx), { userId, accountId, scrip: { exchange: position.exchange, tradingsymbol: position.tradingsymbol, product: 'MIS' } });
    if (pending.some((order) => order.tag === 'SQUAREOFF')) continue;
    // RMS cancels the pending MIS orders of the scrip before squaring off the position.
    for (const order of pending) {
      await cancelOrder(tx, { userId, order, message: 'Cancelled by RMS before auto square-off.', releaseNote: 'Margin released: cancelled by RMS' });
    }
    const order = newOrderRow({
      userId, accountId, exchange: position.exchange, tradingsymbol: position.tradingsymbol, instrumentToken: instrument.instrumentToken,
      transactionType: position.quantity > 0 ? 'SELL' : 'BUY', orderType: 'MARKET', product: 'MIS', validity: 'DAY',
      quantity: Math.abs(position.quantity), status: 'OPEN', statusMessage: 'Auto square-off by RMS (₹50 + GST).', tag: 'SQUAREOFF', priceSource: quote.source, placedAt: now,
    });
    const at = quote.timestamp.getTime() < now.getTime() - 5000 ? quote.timestamp : now;
    const booking = newBooking({ userId, accountId, order });
    const stepped = await stepOrder(booking, { order, instrument, quote, now: at, autoSquareOff: true }, () =>
      lockAndLoadBookState(tx, { userId, exchange: order.exchange, tradingsymbol: order.tradingsymbol, product: order.product, at, orderId: order.id }),
    );
    await saveBooking(sqlOf(tx), booking);
    if (stepped !== null) args.noteKiteFill(order, stepped);
  }
}

/** CNC buys become holdings on T+1: T1 quantity bought before today moves to settled quantity. */
async function settleT1(tx: Tx, args: { userId: UserId; accountId: string; now: Date; hours: Hours }): Promise<void> {
  const today = istDateString(args.now);
  if (args.hours === 'nse' && !isTradingDay(today)) return;
  const holdings = await tx.paperHolding.findMany({ where: { userId: args.userId, accountId: args.accountId, t1Quantity: { gt: 0 } } });
  const todayStart = tradingDayStart(args.now);
  for (const holding of holdings) {
    const boughtToday = await tx.paperFill.aggregate({
      where: { userId: args.userId, accountId: args.accountId, exchange: holding.exchange, tradingsymbol: holding.tradingsymbol, product: 'CNC', transactionType: 'BUY', filledAt: { gte: todayStart } },
      _sum: { quantity: true },
    });
    const unsettled = Math.min(holding.t1Quantity, boughtToday._sum.quantity ?? 0);
    const settle = holding.t1Quantity - unsettled;
    if (settle > 0) await tx.paperHolding.update({ where: { id: holding.id }, data: { t1Quantity: unsettled, quantity: { increment: settle } } });
  }
}
