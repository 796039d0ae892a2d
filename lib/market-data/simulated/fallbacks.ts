import Decimal from 'decimal.js';
import { hashString } from './hash';

// NSE cash-market tick sizes by price, in force since 15 April 2025 (NSE revision, reviewed
// monthly on the last trading day's close). The instrument master's tick_size is authoritative;
// this only fills in when a row has none.
export function nseEquityTickSize(price: Decimal.Value): Decimal {
  const value = new Decimal(price);
  if (value.lt(250)) return new Decimal('0.01');
  if (value.lte(1000)) return new Decimal('0.05');
  if (value.lte(5000)) return new Decimal('0.10');
  if (value.lte(10_000)) return new Decimal('0.50');
  return new Decimal(value.lte(20_000) ? '1.00' : '5.00');
}

const MAGNITUDES = [100, 250, 500, 1000, 2500];

/**
 * A stable, plausible reference price for an instrument the caller has no base price for:
 * ₹60–₹3,500, derived from the symbol so every process picks the same one. Returned on the tick.
 */
export function fallbackBasePrice(instrument: string, tickSize?: Decimal.Value): string {
  const h = hashString(`base-price|${instrument}`);
  const magnitude = MAGNITUDES[h % MAGNITUDES.length] ?? 500;
  const raw = new Decimal(magnitude).mul(60 + ((h >>> 8) % 81)).div(100);
  const tick = tickSize !== undefined && new Decimal(tickSize).gt(0) ? new Decimal(tickSize) : nseEquityTickSize(raw);
  const onTick = raw.div(tick).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).mul(tick);
  return onTick.toFixed(Math.max(tick.decimalPlaces(), 2));
}
