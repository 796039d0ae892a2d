import Decimal from 'decimal.js';
import { Money, money, pct, ZERO, type MoneyInput } from '@/lib/paper/charges/money';
import type { ChargeExchange, ChargeProduct, ChargeSegment, TransactionType } from '@/lib/paper/charges/types';
import { DEFAULT_MIS_LEVERAGE, MAX_MIS_LEVERAGE, SPAN_LIKE_RATES, type UnderlyingType } from './margin-params';

export type MarginEstimateInput = {
  exchange: ChargeExchange;
  segment: ChargeSegment;
  product: ChargeProduct;
  transactionType: TransactionType;
  quantity: number;
  /** Share price, futures price, or option premium per unit. */
  price: MoneyInput;
  /** Needed for futures and short options. */
  underlyingType?: UnderlyingType;
  /** Price of the underlying (spot or near future); needed for short options. */
  underlyingPrice?: MoneyInput;
  /** Short options: with both, the out-of-the-money amount lowers the estimate down to a floor. */
  strike?: MoneyInput;
  optionType?: 'CE' | 'PE';
  /** Per-instrument MIS leverage (1–5); defaults to 5x. */
  misLeverage?: number;
};

/**
 * Field names follow Kite's /margins/orders response. `source: 'estimate'` marks a number that
 * did not come from Kite; show it labelled as such. `source: 'kite'` is Kite's own figure from the
 * user's live session (lib/paper/kite).
 */
export type MarginEstimate = {
  total: string;
  span: string;
  exposure: string;
  option_premium: string;
  source: 'estimate' | 'kite';
  method: string;
};

type Parts = { span: Decimal; exposure: Decimal; premium: Decimal; other: Decimal; method: string };

// Rounded up to the paisa: an estimate should never block less than its own arithmetic says.
const up = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_UP);

function finish(parts: Parts): MarginEstimate {
  const span = up(parts.span);
  const exposure = up(parts.exposure);
  const premium = up(parts.premium);
  const other = up(parts.other);
  return {
    total: span.plus(exposure).plus(premium).plus(other).toFixed(2),
    span: span.toFixed(2),
    exposure: exposure.toFixed(2),
    option_premium: premium.toFixed(2),
    source: 'estimate',
    method: parts.method,
  };
}

function required<T>(value: T | undefined, message: string): T {
  if (value === undefined) throw new RangeError(message);
  return value;
}

function equityMargin(input: MarginEstimateInput, value: Decimal): Parts {
  const none = { span: ZERO, exposure: ZERO, premium: ZERO };
  if (input.product === 'CNC') {
    // Delivery sells are covered by the shares in the demat; the engine checks holdings.
    if (input.transactionType === 'SELL') return { ...none, other: ZERO, method: 'CNC sell: covered by holdings' };
    return { ...none, other: value, method: 'CNC buy: 100% of order value' };
  }
  if (input.product !== 'MIS') throw new RangeError('Equity is CNC or MIS');
  const leverage = input.misLeverage ?? DEFAULT_MIS_LEVERAGE;
  if (!Number.isFinite(leverage) || leverage < 1 || leverage > MAX_MIS_LEVERAGE) {
    throw new RangeError(`MIS leverage must be between 1 and ${MAX_MIS_LEVERAGE}, got ${leverage}`);
  }
  return { ...none, other: value.div(leverage), method: `MIS: order value / ${leverage}x leverage` };
}

function futuresMargin(input: MarginEstimateInput, value: Decimal): Parts {
  const type = required(input.underlyingType, 'Futures need underlyingType (INDEX or STOCK)');
  const rates = SPAN_LIKE_RATES[type];
  return {
    span: value.times(pct(rates.spanPct)),
    exposure: value.times(pct(rates.exposurePct)),
    premium: ZERO,
    other: ZERO,
    method: `futures (${type.toLowerCase()}): SPAN-like ${rates.spanPct}% + exposure ${rates.exposurePct}% of contract value`,
  };
}

function shortOptionMargin(input: MarginEstimateInput, premium: Decimal): Parts {
  const type = required(input.underlyingType, 'Short options need underlyingType (INDEX or STOCK)');
  const underlying = money(required(input.underlyingPrice, 'Short options need underlyingPrice'));
  if (!underlying.isPositive() || underlying.isZero()) throw new RangeError('underlyingPrice must be positive');
  if ((input.strike === undefined) !== (input.optionType === undefined)) {
    throw new RangeError('Pass strike and optionType together');
  }
  const rates = SPAN_LIKE_RATES[type];
  const underlyingValue = underlying.times(input.quantity);
  let otmPerUnit = ZERO;
  if (input.strike !== undefined && input.optionType !== undefined) {
    const strike = money(input.strike);
    const gap = input.optionType === 'CE' ? strike.minus(underlying) : underlying.minus(strike);
    otmPerUnit = Money.max(gap, ZERO);
  }
  const span = Money.max(
    underlyingValue.times(pct(rates.spanPct)).minus(otmPerUnit.times(input.quantity)),
    underlyingValue.times(pct(rates.shortOptionFloorPct)),
  );
  return {
    span,
    exposure: underlyingValue.times(pct(rates.exposurePct)),
    // Premium on top, as if the credit from selling could not be used: the conservative side.
    premium,
    other: ZERO,
    method:
      `short option (${type.toLowerCase()}): premium + max(${rates.spanPct}% of underlying value − OTM amount, ` +
      `${rates.shortOptionFloorPct}% of underlying value) + exposure ${rates.exposurePct}% of underlying value`,
  };
}

/**
 * A clearly labelled margin ESTIMATE for one order, for when Kite's margin endpoints are not
 * available: CNC 100% of value; MIS equity value ÷ leverage (5x unless overridden); long options
 * the premium; futures and short options a conservative SPAN-like percentage (see
 * margin-params.ts). F&O MIS is charged like NRML: Zerodha gives no extra intraday leverage on
 * F&O under the peak-margin rules.
 */
export function estimateOrderMargin(input: MarginEstimateInput): MarginEstimate {
  const { quantity, segment, exchange } = input;
  if (!Number.isSafeInteger(quantity) || quantity <= 0) {
    throw new RangeError(`Quantity must be a positive whole number, got ${quantity}`);
  }
  const price = money(input.price);
  if (price.isNegative()) throw new RangeError('Price must not be negative');
  const cashExchange = exchange === 'NSE' || exchange === 'BSE';
  if ((segment === 'EQ') !== cashExchange) throw new RangeError(`${segment} does not trade on ${exchange}`);
  if (segment !== 'EQ' && input.product === 'CNC') throw new RangeError('CNC is an equity product');

  const value = price.times(quantity);
  if (segment === 'EQ') return finish(equityMargin(input, value));
  if (segment === 'FUT') return finish(futuresMargin(input, value));
  if (input.transactionType === 'BUY') {
    return finish({ span: ZERO, exposure: ZERO, premium: value, other: ZERO, method: 'long option: premium × quantity' });
  }
  return finish(shortOptionMargin(input, value));
}

/**
 * Estimate for several orders together: the plain sum, with no hedge benefit (Kite's basket
 * margin would be lower for spreads and hedged positions; the estimate errs high).
 */
export function estimateBasketMargin(inputs: readonly MarginEstimateInput[]): MarginEstimate {
  let total = ZERO;
  let span = ZERO;
  let exposure = ZERO;
  let premium = ZERO;
  for (const leg of inputs.map(estimateOrderMargin)) {
    total = total.plus(leg.total);
    span = span.plus(leg.span);
    exposure = exposure.plus(leg.exposure);
    premium = premium.plus(leg.option_premium);
  }
  return {
    total: total.toFixed(2),
    span: span.toFixed(2),
    exposure: exposure.toFixed(2),
    option_premium: premium.toFixed(2),
    source: 'estimate',
    method: `sum of ${inputs.length} order estimate(s), no hedge benefit`,
  };
}
