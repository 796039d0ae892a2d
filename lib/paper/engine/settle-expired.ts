import 'server-only';
import { Decimal } from 'decimal.js';
import type { UserId } from '@/lib/auth/user-id';
import type { Tx } from '@/lib/db/rls';
import { sqlOf } from '@/lib/db/user-sql';
import type { Instrument } from '@/lib/instruments/find-instrument';
import { getQuotes } from '@/lib/market-data/provider/get-quotes';
import { quoteKey } from '@/lib/market-data/provider/quote-provider';
import { computeExpiryCharges, intrinsicValue } from '@/lib/paper/charges/exercise-charges';
import type { ChargeBreakdown } from '@/lib/paper/charges/types';
import { bookFill } from '@/lib/paper/orders/book-fill';
import { lockAndLoadBookState } from '@/lib/paper/orders/book-state';
import { newOrderRow } from '@/lib/paper/orders/order-row';
import { newBooking, saveBooking } from '@/lib/paper/orders/save-booking';
import type { KiteCloses } from './kite-settlement';

/**
 * F&O contracts that expired before today settle on the expiry day at 15:30 IST: the position is
 * closed by an EXPIRY order booked like any fill, so P&L and the margin release follow the usual
 * path. Options settle at their intrinsic value against the underlying's close (CE max(0,
 * underlying − strike), PE max(0, strike − underlying)): out of the money they expire worthless; a
 * long position in the money is exercised and pays STT on the intrinsic value instead of the
 * sell-side premium STT; short positions settle with no charges. Futures settle with the usual
 * charges. A contract traded at Kite's prices settles against the underlying's official close from
 * Kite (futures at it, as NSE's final settlement price) and waits while Kite cannot give it: a
 * simulated close would be a made-up price for a real-market position. Otherwise the simulated
 * feed's 15:30 IST prices are used (futures at their own). Stock options are cash-settled here too
 * (NSE settles them by delivery). An option whose underlying is not in the instrument master
 * settles at its own closing price, as a future does.
 */
export async function settleExpired(
  tx: Tx,
  args: { userId: UserId; accountId: string; expired: Map<string, Instrument>; underlyings: Map<string, Instrument>; kiteCloses: KiteCloses },
): Promise<void> {
  const { userId, accountId } = args;
  if (args.expired.size === 0) return;
  const positions = await tx.paperPosition.findMany({ where: { userId, accountId, exchange: { in: ['NFO', 'BFO'] }, NOT: { quantity: 0 } } });
  for (const position of positions) {
    const instrument = args.expired.get(quoteKey(position));
    if (!instrument) continue;
    const close = new Date(`${instrument.expiry}T10:00:00.000Z`); // 15:30 IST on expiry day
    const kite = args.kiteCloses.get(quoteKey(position));
    const settlement = kite === undefined
      ? await expirySettlement(instrument, args.underlyings.get(quoteKey(position)) ?? null, position.quantity, close)
      : kite === null ? null : kiteSettlement(instrument, kite, position.quantity, close);
    if (settlement === null) continue;
    const order = newOrderRow({
      userId, accountId, exchange: position.exchange, tradingsymbol: position.tradingsymbol, instrumentToken: instrument.instrumentToken,
      transactionType: position.quantity > 0 ? 'SELL' : 'BUY', orderType: 'MARKET', product: position.product, validity: 'DAY',
      quantity: Math.abs(position.quantity), status: 'OPEN', tag: 'EXPIRY', priceSource: settlement.priceSource, placedAt: close,
    });
    const booking = newBooking({ userId, accountId, order });
    const state = await lockAndLoadBookState(tx, { userId, exchange: order.exchange, tradingsymbol: order.tradingsymbol, product: order.product, at: close, orderId: order.id });
    const filled = bookFill(booking, state, {
      order, instrument, fill: { price: settlement.price, quantity: order.quantity }, at: close, priceSource: settlement.priceSource,
      ...(settlement.charges !== undefined && { charges: settlement.charges, note: settlement.chargesNote }),
    });
    booking.order = { ...filled, status: 'COMPLETE', statusMessage: settlement.message, updatedAt: booking.at };
    await saveBooking(sqlOf(tx), booking);
  }
}

type Settlement = { price: string; priceSource: string; message: string; charges?: ChargeBreakdown; chargesNote?: string };

const optionTypeOf = (instrument: Instrument) => (instrument.instrumentType === 'CE' || instrument.instrumentType === 'PE' ? instrument.instrumentType : null);

/** An option settled against its underlying's close: exercised, assigned or worthless. */
function optionSettlement(instrument: Instrument, optionType: 'CE' | 'PE', underlying: { tradingsymbol: string; close: string; source: string }, quantity: number, close: Date): Settlement {
  const expired = `Contract expired on ${instrument.expiry ?? ''}`;
  const intrinsic = intrinsicValue({ optionType, strike: instrument.strike, underlying: underlying.close });
  const long = quantity > 0;
  const charges = computeExpiryCharges({ tradeDate: close, quantity: Math.abs(quantity), intrinsicValuePerUnit: intrinsic, long });
  const closeNote = `${underlying.tradingsymbol} closed at ${underlying.close}`;
  const message = new Decimal(intrinsic).isZero()
    ? `${expired} out of the money (${closeNote}): expired worthless.`
    : `${expired} in the money (${closeNote}): ${long ? 'exercised' : 'assigned'} at the intrinsic value ${intrinsic}.`;
  return { price: intrinsic, priceSource: underlying.source, message, charges, chargesNote: `STT on exercise of ${instrument.tradingsymbol} (on the intrinsic value)` };
}

/** Settlement of a contract traded at Kite's prices, against the underlying's close from Kite. */
function kiteSettlement(instrument: Instrument, kite: { close: string; underlying: string }, quantity: number, close: Date): Settlement {
  const optionType = optionTypeOf(instrument);
  if (optionType !== null) return optionSettlement(instrument, optionType, { tradingsymbol: kite.underlying, close: kite.close, source: 'kite' }, quantity, close);
  return {
    price: kite.close,
    priceSource: 'kite',
    message: `Contract expired on ${instrument.expiry ?? ''}; settled at the final settlement price ${kite.close} (${kite.underlying}'s close).`,
  };
}

/**
 * The price (and, for options, the charges) an expired contract settles at on the simulated feed;
 * null when no quote can be had. Quotes of past instants are computed without a database read.
 */
async function expirySettlement(instrument: Instrument, underlying: Instrument | null, quantity: number, close: Date): Promise<Settlement | null> {
  const optionType = optionTypeOf(instrument);
  if (optionType !== null && underlying !== null) {
    const quote = (await getQuotes([underlying], close)).get(quoteKey(underlying));
    if (!quote) return null;
    return optionSettlement(instrument, optionType, { tradingsymbol: underlying.tradingsymbol, close: quote.lastPrice, source: quote.source }, quantity, close);
  }
  const quote = (await getQuotes([instrument], close)).get(quoteKey(instrument));
  if (!quote) return null;
  return { price: quote.lastPrice, priceSource: quote.source, message: `Contract expired on ${instrument.expiry ?? ''}; settled at the closing price ${quote.lastPrice}.` };
}
