import Decimal from 'decimal.js';
import type { InstrumentBook } from './instruments';
import { closePrice } from './market';
import { instrumentOrThrow, positionsFor } from './portfolio';
import type { FakeZerodhaUser, FundsSpec } from './users';

// Plausible, not Zerodha's RMS: pledged stock counts at close minus a 12.5% haircut, MIS equity
// blocks 20% (5x), futures block 12% SPAN + 2% exposure, and today's CNC buys block full value.
const HAIRCUT = 0.125;
const MIS_MARGIN = 0.2;
const FUT_SPAN = 0.12;
const FUT_EXPOSURE = 0.02;

type SegmentSpec = FundsSpec['equity'];

function segment(spec: SegmentSpec, usage: { span: Decimal; exposure: Decimal; delivery: Decimal; m2m: Decimal; collateral: Decimal }) {
  if (!spec.enabled) {
    const zero = { adhoc_margin: 0, cash: 0, opening_balance: 0, live_balance: 0, collateral: 0, intraday_payin: 0 };
    const zeroUsed = {
      debits: 0, exposure: 0, m2m_realised: 0, m2m_unrealised: 0, option_premium: 0, payout: 0, span: 0,
      holding_sales: 0, turnover: 0, liquid_collateral: 0, stock_collateral: 0, delivery: 0,
    };
    return { enabled: false, net: 0, available: zero, utilised: zeroUsed };
  }
  const cash = new Decimal(spec.openingBalance).plus(spec.intradayPayin);
  // Kite's utilised M2M is a cost, so a profit shows as a negative utilisation.
  const m2mUnrealised = usage.m2m.neg();
  const debits = usage.span
    .plus(usage.exposure)
    .plus(usage.delivery)
    .plus(spec.payout)
    .plus(Decimal.max(m2mUnrealised, 0));
  const liveBalance = cash.minus(debits);
  const net = liveBalance.plus(usage.collateral).plus(spec.adhocMargin);
  return {
    enabled: true,
    net: net.toNumber(),
    available: {
      adhoc_margin: spec.adhocMargin,
      cash: cash.toNumber(),
      opening_balance: spec.openingBalance,
      live_balance: liveBalance.toNumber(),
      collateral: usage.collateral.toNumber(),
      intraday_payin: spec.intradayPayin,
    },
    utilised: {
      debits: debits.toNumber(),
      exposure: usage.exposure.toNumber(),
      m2m_realised: 0,
      m2m_unrealised: m2mUnrealised.toNumber(),
      option_premium: 0,
      payout: spec.payout,
      span: usage.span.toNumber(),
      holding_sales: 0,
      turnover: 0,
      liquid_collateral: 0,
      stock_collateral: usage.collateral.toNumber(),
      delivery: usage.delivery.toNumber(),
    },
  };
}

export function marginsFor(book: InstrumentBook, user: FakeZerodhaUser, now: Date) {
  let collateral = new Decimal(0);
  for (const holding of user.holdings) {
    const pledged = holding.collateralQuantity ?? 0;
    if (pledged === 0) continue;
    const close = closePrice(instrumentOrThrow(book, holding.exchange, holding.tradingsymbol), now);
    collateral = collateral.plus(new Decimal(close).mul(pledged).mul(1 - HAIRCUT));
  }
  const usage = { span: new Decimal(0), exposure: new Decimal(0), delivery: new Decimal(0), m2m: new Decimal(0), collateral };
  for (const position of positionsFor(book, user, now).net) {
    const openValue = new Decimal(position.last_price).mul(Math.abs(position.quantity));
    if (position.product === 'CNC') {
      usage.delivery = usage.delivery.plus(position.day_buy_value);
      continue;
    }
    usage.m2m = usage.m2m.plus(position.m2m);
    if (position.exchange === 'NFO') {
      usage.span = usage.span.plus(openValue.mul(FUT_SPAN));
      usage.exposure = usage.exposure.plus(openValue.mul(FUT_EXPOSURE));
    } else {
      usage.exposure = usage.exposure.plus(openValue.mul(MIS_MARGIN));
    }
  }
  const none = { span: new Decimal(0), exposure: new Decimal(0), delivery: new Decimal(0), m2m: new Decimal(0), collateral: new Decimal(0) };
  return { equity: segment(user.funds.equity, usage), commodity: segment(user.funds.commodity, none) };
}
