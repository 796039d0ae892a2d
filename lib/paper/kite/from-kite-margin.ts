import Decimal from 'decimal.js';
import type { MarginEstimate } from '@/lib/paper/margins/estimate-margin';
import type { KiteMarginRow } from './kite-schemas';

type Amounts = Pick<KiteMarginRow, 'total' | 'span' | 'exposure' | 'option_premium'>;

// Rounded up to the paisa like the estimate: what is blocked never falls short of Kite's figure.
const up = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_UP).toFixed(2);
const dec = (value: number) => new Decimal(String(value));

export const NO_MARGIN: Amounts = { total: 0, span: 0, exposure: 0, option_premium: 0 };

/**
 * Kite's margin for an order, or what `withOrder` adds to `without` (the incremental margin of an
 * order on top of open positions, never below zero). Components are differences too, so a hedge
 * shows as a negative SPAN and a short option's credit as a negative premium.
 */
export function kiteMargin(withOrder: Amounts, method: string, without: Amounts = NO_MARGIN): MarginEstimate {
  const diff = (pick: (row: Amounts) => number) => dec(pick(withOrder)).minus(dec(pick(without)));
  return {
    total: up(Decimal.max(diff((row) => row.total), 0)),
    span: up(diff((row) => row.span)),
    exposure: up(diff((row) => row.exposure)),
    option_premium: up(diff((row) => row.option_premium)),
    source: 'kite',
    method,
  };
}

export function noKiteMargin(method: string): MarginEstimate {
  return kiteMargin(NO_MARGIN, method);
}
