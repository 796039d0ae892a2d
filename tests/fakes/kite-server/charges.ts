import Decimal from 'decimal.js';
import type { InstrumentBook } from './instruments';

export type ChargeKind = 'equity-delivery' | 'equity-intraday' | 'futures' | 'options' | 'commodity' | 'currency';

export type ChargeInput = {
  exchange: string;
  tradingsymbol: string;
  transactionType: 'BUY' | 'SELL';
  product: string;
  quantity: number;
  price: number;
  tradeDate: string;
};

export type SttRounding = 'rupee' | 'none';

/** How the fake prices charges: STT rounding, and Zerodha's per-order brokerage (flat on options, the cap elsewhere). */
export type ChargeSettings = { sttRounding: SttRounding; brokerageRupees: number };
export const DEFAULT_CHARGE_SETTINGS: ChargeSettings = { sttRounding: 'none', brokerageRupees: 20 };

// Rates from /work/shared/docs/paper-trading.md §4.2 (Zerodha, NSE), as fractions of turnover.
// Exchange rates include NSE IPFT. F&O STT rose on 2026-04-01 (Budget 2026).
const FNO_STT_CHANGE = '2026-04-01';
const rates = {
  brokeragePct: new Decimal('0.0003'),
  sebi: new Decimal('0.000001'),
  gst: new Decimal('0.18'),
  exchange: {
    'equity-delivery': new Decimal('0.0000307'),
    'equity-intraday': new Decimal('0.0000307'),
    futures: new Decimal('0.0000183'),
    options: new Decimal('0.0003553'),
    commodity: new Decimal('0.000026'),
    currency: new Decimal('0.0000035'),
  },
  bseEquityExchange: new Decimal('0.0000375'),
  stamp: {
    'equity-delivery': new Decimal('0.00015'),
    'equity-intraday': new Decimal('0.00003'),
    futures: new Decimal('0.00002'),
    options: new Decimal('0.00003'),
    commodity: new Decimal('0.00002'),
    currency: new Decimal('0.000001'),
  },
} as const;

function sttRate(kind: ChargeKind, side: 'BUY' | 'SELL', tradeDate: string): Decimal {
  const afterBudget = tradeDate >= FNO_STT_CHANGE;
  switch (kind) {
    case 'equity-delivery':
      return new Decimal('0.001');
    case 'equity-intraday':
      return side === 'SELL' ? new Decimal('0.00025') : new Decimal(0);
    case 'futures':
      return side === 'SELL' ? new Decimal(afterBudget ? '0.0005' : '0.0002') : new Decimal(0);
    case 'options':
      return side === 'SELL' ? new Decimal(afterBudget ? '0.0015' : '0.001') : new Decimal(0);
    case 'commodity':
      return side === 'SELL' ? new Decimal('0.0001') : new Decimal(0);
    case 'currency':
      return new Decimal(0);
  }
}

export function chargeKind(book: InstrumentBook, exchange: string, tradingsymbol: string, product: string): ChargeKind {
  if (exchange === 'MCX' || exchange === 'NCO') return 'commodity';
  if (exchange === 'CDS' || exchange === 'BCD') return 'currency';
  if (exchange === 'NFO' || exchange === 'BFO') {
    const type = book.find(exchange, tradingsymbol)?.instrumentType ?? (tradingsymbol.endsWith('FUT') ? 'FUT' : 'CE');
    return type === 'FUT' ? 'futures' : 'options';
  }
  return product === 'CNC' ? 'equity-delivery' : 'equity-intraday';
}

export type Charges = {
  transaction_tax: number;
  transaction_tax_type: string;
  exchange_turnover_charge: number;
  sebi_turnover_charge: number;
  brokerage: number;
  stamp_duty: number;
  gst: { igst: number; cgst: number; sgst: number; total: number };
  total: number;
};

export function zeroCharges(taxType = ''): Charges {
  return {
    transaction_tax: 0,
    transaction_tax_type: taxType,
    exchange_turnover_charge: 0,
    sebi_turnover_charge: 0,
    brokerage: 0,
    stamp_duty: 0,
    gst: { igst: 0, cgst: 0, sgst: 0, total: 0 },
    total: 0,
  };
}

/** One order's charges in Kite's field names. GST is reported as IGST, as Kite's samples do. */
export function computeCharges(book: InstrumentBook, input: ChargeInput, settings: ChargeSettings): Charges {
  const kind = chargeKind(book, input.exchange, input.tradingsymbol, input.product);
  const turnover = new Decimal(input.price).mul(input.quantity);
  const brokerage =
    kind === 'equity-delivery'
      ? new Decimal(0)
      : kind === 'options'
        ? new Decimal(settings.brokerageRupees)
        : Decimal.min(turnover.mul(rates.brokeragePct), settings.brokerageRupees);
  const rawTax = turnover.mul(sttRate(kind, input.transactionType, input.tradeDate));
  // Zerodha: "STT/CTT charged will be rounded off to the nearest rupee".
  const tax = settings.sttRounding === 'rupee' ? rawTax.toDecimalPlaces(0, Decimal.ROUND_HALF_UP) : rawTax;
  const exchangeRate = input.exchange === 'BSE' && kind.startsWith('equity') ? rates.bseEquityExchange : rates.exchange[kind];
  const exchangeCharge = turnover.mul(exchangeRate);
  const sebi = turnover.mul(rates.sebi);
  const stamp = input.transactionType === 'BUY' ? turnover.mul(rates.stamp[kind]) : new Decimal(0);
  const gst = brokerage.plus(sebi).plus(exchangeCharge).mul(rates.gst);
  const total = brokerage.plus(tax).plus(exchangeCharge).plus(sebi).plus(stamp).plus(gst);
  return {
    transaction_tax: tax.toNumber(),
    transaction_tax_type: kind === 'commodity' ? 'ctt' : kind === 'currency' ? '' : 'stt',
    exchange_turnover_charge: exchangeCharge.toNumber(),
    sebi_turnover_charge: sebi.toNumber(),
    brokerage: brokerage.toNumber(),
    stamp_duty: stamp.toNumber(),
    gst: { igst: gst.toNumber(), cgst: 0, sgst: 0, total: gst.toNumber() },
    total: total.toNumber(),
  };
}
