import Decimal from 'decimal.js';
import type { InstrumentType, TransactionType } from './order';
import { roundToTick } from './tick-size';

/** Kite's market_protection value meaning "let the broker pick the band". */
export const AUTOMATIC_PROTECTION = -1;

// Zerodha's published automatic bands (support.zerodha.com, "Market price protection in Alert
// Triggers Order"): a percentage of LTP by price range. "Between 100 and 500" includes both ends.
const PERCENT = { half: new Decimal('0.5'), one: new Decimal(1), two: new Decimal(2), three: new Decimal(3), five: new Decimal(5) };

/**
 * The automatic protection percentage for an LTP: EQ/FUT 2% below ₹100, 1% from ₹100 to ₹500,
 * 0.5% above; options (CE/PE) 5% below ₹10, 3% from ₹10 to ₹100, 2% from ₹100 to ₹500, 1% above.
 * An unknown instrument type is treated as equity.
 */
export function automaticProtectionPercent(lastPrice: Decimal.Value, instrumentType?: InstrumentType): Decimal {
  const ltp = new Decimal(lastPrice);
  if (instrumentType === 'CE' || instrumentType === 'PE') {
    if (ltp.lt(10)) return PERCENT.five;
    if (ltp.lt(100)) return PERCENT.three;
    return ltp.lte(500) ? PERCENT.two : PERCENT.one;
  }
  if (ltp.lt(100)) return PERCENT.two;
  return ltp.lte(500) ? PERCENT.one : PERCENT.half;
}

/** The percentage an order's market_protection stands for (absent or -1 → automatic). */
export function protectionPercent(
  marketProtection: number | undefined,
  lastPrice: Decimal.Value,
  instrumentType?: InstrumentType,
): Decimal {
  if (marketProtection === undefined || marketProtection === AUTOMATIC_PROTECTION) {
    return automaticProtectionPercent(lastPrice, instrumentType);
  }
  return new Decimal(marketProtection);
}

/**
 * The limit a protected market order becomes: LTP ± percent, rounded to the tick towards the LTP
 * so the band is never exceeded (BUY rounds down, SELL rounds up), and never below one tick.
 */
export function protectionPrice(input: {
  transactionType: TransactionType;
  lastPrice: Decimal.Value;
  percent: Decimal.Value;
  tickSize: Decimal.Value;
}): Decimal {
  const ltp = new Decimal(input.lastPrice);
  const fraction = new Decimal(input.percent).div(100);
  if (input.transactionType === 'BUY') {
    return roundToTick(ltp.mul(fraction.plus(1)), input.tickSize, 'down');
  }
  const floor = roundToTick(ltp.mul(new Decimal(1).minus(fraction)), input.tickSize, 'up');
  const tick = new Decimal(input.tickSize);
  return floor.lt(tick) ? tick : floor;
}
