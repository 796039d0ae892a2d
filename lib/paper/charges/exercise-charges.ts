import type { IstDate } from '@/lib/market/calendar/ist';
import { money, pct, roundRupee, rupeeString, type MoneyInput } from './money';
import { rateTableFor } from './rates';
import type { ChargeBreakdown } from './types';

/**
 * Charges on a long option that expires in the money and is exercised (cash-settled index
 * options): STT on the intrinsic value, rounded to the rupee. Only STT is modelled; the settlement
 * is not an exchange trade, so there is no turnover fee, stamp duty or brokerage here. Physically
 * settled stock options deliver shares and are charged as delivery trades: not covered.
 *
 * intrinsicValuePerUnit: settlement price − strike for a call, strike − settlement price for a
 * put (must be > 0, the option is in the money).
 */
export function computeExerciseCharges(args: {
  tradeDate: Date | IstDate;
  quantity: number;
  intrinsicValuePerUnit: MoneyInput;
}): ChargeBreakdown {
  const { quantity } = args;
  if (!Number.isSafeInteger(quantity) || quantity <= 0) {
    throw new RangeError(`Quantity must be a positive whole number, got ${quantity}`);
  }
  const intrinsic = money(args.intrinsicValuePerUnit);
  if (!intrinsic.isPositive() || intrinsic.isZero()) {
    throw new RangeError('Only in-the-money options (intrinsic value > 0) are exercised');
  }
  const table = rateTableFor(args.tradeDate);
  const stt = roundRupee(intrinsic.times(quantity).times(pct(table.exercisedOptionSttPct)));
  return {
    brokerage: '0.00',
    transaction_tax: rupeeString(stt),
    transaction_tax_type: 'stt',
    exchange_turnover_charge: '0.00',
    sebi_turnover_charge: '0.00',
    stamp_duty: '0.00',
    gst: { igst: '0.00', cgst: '0.00', sgst: '0.00', rate: money(table.gstPct).toString(), total: '0.00' },
    total: rupeeString(stt),
    rateVersion: table.id,
  };
}

/**
 * What an option position pays when it settles at expiry at its intrinsic value. A long position
 * in the money is exercised and pays STT on the intrinsic value (computeExerciseCharges); a long
 * position out of the money expires worthless and a short position is assigned, neither paying
 * anything. paper-trading.md lists brokerage per executed order and nothing for exercise or
 * assignment, so none is charged: expiry settlement is not an order the trader places.
 */
export function computeExpiryCharges(args: {
  tradeDate: Date | IstDate;
  quantity: number;
  intrinsicValuePerUnit: MoneyInput;
  long: boolean;
}): ChargeBreakdown {
  const intrinsic = money(args.intrinsicValuePerUnit);
  if (intrinsic.isNegative()) throw new RangeError('Intrinsic value is never negative');
  if (args.long && intrinsic.gt(0)) return computeExerciseCharges(args);
  const table = rateTableFor(args.tradeDate);
  return {
    brokerage: '0.00',
    transaction_tax: '0.00',
    transaction_tax_type: 'stt',
    exchange_turnover_charge: '0.00',
    sebi_turnover_charge: '0.00',
    stamp_duty: '0.00',
    gst: { igst: '0.00', cgst: '0.00', sgst: '0.00', rate: money(table.gstPct).toString(), total: '0.00' },
    total: '0.00',
    rateVersion: table.id,
  };
}

/** An option's intrinsic value per unit: max(0, underlying − strike) for a call, max(0, strike − underlying) for a put. */
export function intrinsicValue(args: { optionType: 'CE' | 'PE'; strike: MoneyInput; underlying: MoneyInput }): string {
  const strike = money(args.strike);
  const underlying = money(args.underlying);
  const value = args.optionType === 'CE' ? underlying.minus(strike) : strike.minus(underlying);
  return rupeeString(value.isNegative() ? money(0) : value);
}
