import Decimal from 'decimal.js';
import { underlyingOf, type InstrumentKey } from './underlying';

// Kite's monthly contract symbols: NIFTY26DECFUT, NIFTY26DEC26500CE, USDINR26DEC85.25CE.
const MONTHLY_SYMBOL = /^([A-Z0-9&-]+?)\d{2}(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)(?:FUT|(\d+(?:\.\d+)?)(CE|PE))$/;

// Made-up but plausible shapes: futures a little above spot (cost of carry), options worth their
// intrinsic value against that forward plus a time value of 1% of spot at the money that halves
// 2% of spot away from it.
const CARRY = new Decimal('1.004');
const ATM_TIME_VALUE = new Decimal('0.01');
const TIME_VALUE_WIDTH = new Decimal('0.02');
const TICK = new Decimal('0.05');

function onTick(value: Decimal): string {
  return Decimal.max(TICK, value.div(TICK).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).mul(TICK)).toFixed(2);
}

/**
 * Reference level (rupees, decimal string) of a monthly F&O contract, derived from its underlying's
 * reference level so that contracts generated for any month get one. Independent of the date on
 * purpose: a contract's simulated price must not jump from one day to the next. Null when the
 * symbol is not a monthly NFO/BFO contract or the underlying has no level.
 */
export function derivativeReferencePrice(contract: InstrumentKey, spotOf: (underlying: InstrumentKey) => string | null): string | null {
  const match = MONTHLY_SYMBOL.exec(contract.tradingsymbol);
  if (!match?.[1]) return null;
  const underlying = underlyingOf({ exchange: contract.exchange, name: match[1] });
  const spotText = underlying === null ? null : spotOf(underlying);
  if (spotText === null) return null;
  const spot = new Decimal(spotText);
  const forward = spot.mul(CARRY);
  const [, , strikeText, type] = match;
  if (strikeText === undefined) return onTick(forward);
  const strike = new Decimal(strikeText);
  const intrinsic = Decimal.max(0, type === 'CE' ? forward.minus(strike) : strike.minus(forward));
  const width = spot.mul(TIME_VALUE_WIDTH);
  const timeValue = spot.mul(ATM_TIME_VALUE).mul(width).div(width.plus(forward.minus(strike).abs()));
  return onTick(intrinsic.plus(timeValue));
}
