import Decimal from 'decimal.js';
import type { Instrument } from '@/lib/instruments/find-instrument';
import { isIndexUnderlying } from '@/lib/instruments/underlying';
import type { Quote } from '@/lib/market-data/quote';
import { computeCharges } from '@/lib/paper/charges/compute-charges';
import type { ChargeBreakdown, ChargeExchange } from '@/lib/paper/charges/types';
import { protectionPercent, protectionPrice } from '@/lib/paper/fills/market-protection';
import { estimateOrderMargin, type MarginEstimate } from '@/lib/paper/margins/estimate-margin';
import { chargeSegmentOf, fillInstrumentType, type OrderShape } from './check-order';

export type Requirement = {
  /** The price margin and charges were estimated at (limit, or the protection price of a market order). */
  price: string;
  margin: MarginEstimate;
  charges: ChargeBreakdown;
  /** What is blocked at placement: margin plus estimated charges, so the fill can never overdraw. */
  total: string;
};

/** The worst price the order can trade at: its limit, or LTP ± market protection. */
export function worstPrice(order: OrderShape & { market_protection?: number | undefined }, instrument: Instrument, quote: Quote): Decimal {
  if (order.price !== undefined) return new Decimal(order.price);
  const anchor = new Decimal(order.trigger_price ?? quote.lastPrice);
  const percent = protectionPercent(order.market_protection, anchor, fillInstrumentType(instrument));
  return protectionPrice({ transactionType: order.transaction_type, lastPrice: anchor, percent, tickSize: instrument.tickSize });
}

/**
 * Margin and charges for an order before it is placed. `openingQuantity` is the part of the order
 * that opens or adds to a position; the part that closes an existing position needs no margin,
 * as on Kite. Short options are estimated as at-the-money (the strike stands in for the
 * underlying), which gives no out-of-the-money relief: conservative, and labelled an estimate.
 */
export function estimateRequirement(input: {
  order: OrderShape & { market_protection?: number | undefined };
  instrument: Instrument;
  quote: Quote;
  openingQuantity: number;
  at: Date;
}): Requirement {
  const { order, instrument, quote } = input;
  const price = worstPrice(order, instrument, quote);
  const segment = chargeSegmentOf(instrument);
  const exchange = instrument.exchange as ChargeExchange;
  const common = { exchange, segment, product: order.product, transactionType: order.transaction_type } as const;
  const underlyingType = isIndexUnderlying(instrument.name) ? 'INDEX' : 'STOCK';
  const isOption = segment === 'OPT';
  const margin =
    input.openingQuantity > 0
      ? estimateOrderMargin({
          ...common,
          quantity: input.openingQuantity,
          price: price.toString(),
          underlyingType,
          ...(isOption && {
            underlyingPrice: new Decimal(instrument.strike).gt(0) ? instrument.strike : price.toString(),
            strike: instrument.strike,
            optionType: instrument.instrumentType as 'CE' | 'PE',
          }),
        })
      : { total: '0.00', span: '0.00', exposure: '0.00', option_premium: '0.00', source: 'estimate' as const, method: 'closes an open position: no margin' };
  const charges = computeCharges({ ...common, tradeDate: input.at, quantity: order.quantity, price: price.toString() });
  return {
    price: price.toFixed(2),
    margin,
    charges,
    total: new Decimal(margin.total).plus(charges.total).toFixed(2),
  };
}
