import Decimal from 'decimal.js';

export type TickRounding = 'up' | 'down' | 'nearest';

function positiveTick(tickSize: Decimal.Value): Decimal {
  const tick = new Decimal(tickSize);
  // Index rows in the instrument master carry tick_size 0: they are not tradable, so any caller
  // that gets here with one has skipped validation.
  if (!tick.isFinite() || tick.lte(0)) throw new RangeError(`Tick size must be positive, got ${tick.toString()}`);
  return tick;
}

/** True when `price` is an exact multiple of `tickSize` (decimal arithmetic, so 100.05 / 0.05 is exact). */
export function isOnTick(price: Decimal.Value, tickSize: Decimal.Value): boolean {
  const tick = positiveTick(tickSize);
  const value = new Decimal(price);
  return value.isFinite() && value.mod(tick).isZero();
}

/** Rounds `price` to a multiple of `tickSize`; 'nearest' breaks ties upwards. */
export function roundToTick(price: Decimal.Value, tickSize: Decimal.Value, mode: TickRounding): Decimal {
  const tick = positiveTick(tickSize);
  const rounding = mode === 'up' ? Decimal.ROUND_CEIL : mode === 'down' ? Decimal.ROUND_FLOOR : Decimal.ROUND_HALF_UP;
  return new Decimal(price).div(tick).toDecimalPlaces(0, rounding).mul(tick);
}

/** Canonical string for a price on a tick: as many decimals as the tick has ("91.80" for 0.05). */
export function formatPrice(price: Decimal.Value, tickSize: Decimal.Value): string {
  return new Decimal(price).toFixed(Math.max(new Decimal(tickSize).decimalPlaces(), 2));
}
