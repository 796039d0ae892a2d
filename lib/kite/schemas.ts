import { z } from 'zod';

/** Kite api_keys and secrets are short alphanumeric strings; anything else is a typo or a paste error. */
export const SaveKiteAppSchema = z.object({
  api_key: z
    .string({ error: 'Enter the api_key.' })
    .trim()
    .min(1, 'Enter the api_key.')
    .regex(/^[A-Za-z0-9]{6,64}$/, 'An api_key is 6-64 letters and digits, as shown on developers.kite.trade.'),
  api_secret: z
    .string({ error: 'Enter the api_secret.' })
    .trim()
    .min(1, 'Enter the api_secret.')
    .regex(/^[A-Za-z0-9]{16,128}$/, 'An api_secret is 16-128 letters and digits, as shown on developers.kite.trade.'),
});

const num = z.number();
const str = z.string();
const nullableStr = z.string().nullable().optional();

export const KiteSessionSchema = z.looseObject({
  user_id: str.min(1),
  user_name: str.default(''),
  access_token: str.min(1),
});

export const KiteHoldingSchema = z.looseObject({
  tradingsymbol: str,
  exchange: str,
  instrument_token: num,
  isin: str.optional(),
  product: str,
  quantity: num,
  t1_quantity: num,
  realised_quantity: num.optional(),
  used_quantity: num.optional(),
  collateral_quantity: num,
  collateral_type: str.optional(),
  average_price: num,
  last_price: num,
  close_price: num,
  pnl: num,
  day_change: num,
  day_change_percentage: num,
});
export const KiteHoldingsSchema = z.array(KiteHoldingSchema);

export const KitePositionSchema = z.looseObject({
  tradingsymbol: str,
  exchange: str,
  instrument_token: num,
  product: str,
  quantity: num,
  overnight_quantity: num,
  multiplier: num,
  average_price: num,
  close_price: num,
  last_price: num,
  value: num,
  pnl: num,
  m2m: num,
  unrealised: num,
  realised: num,
  buy_quantity: num,
  buy_price: num,
  sell_quantity: num,
  sell_price: num,
});
export const KitePositionsSchema = z.object({ net: z.array(KitePositionSchema), day: z.array(KitePositionSchema) });

export const KiteOrderSchema = z.looseObject({
  order_id: str,
  exchange_order_id: nullableStr,
  status: str,
  status_message: nullableStr,
  order_timestamp: z.string().nullable(),
  variety: str,
  exchange: str,
  tradingsymbol: str,
  instrument_token: num,
  order_type: str,
  transaction_type: str,
  validity: str,
  product: str,
  quantity: num,
  price: num,
  trigger_price: num,
  average_price: num,
  filled_quantity: num,
  pending_quantity: num,
  cancelled_quantity: num,
  tag: nullableStr,
});
export const KiteOrdersSchema = z.array(KiteOrderSchema);

export const KiteTradeSchema = z.looseObject({
  trade_id: str,
  order_id: str,
  exchange: str,
  tradingsymbol: str,
  instrument_token: num,
  product: str,
  average_price: num,
  quantity: num,
  transaction_type: str,
  fill_timestamp: z.string().nullable(),
});
export const KiteTradesSchema = z.array(KiteTradeSchema);

const SegmentMarginSchema = z.looseObject({
  enabled: z.boolean(),
  net: num,
  available: z.looseObject({ cash: num, opening_balance: num, live_balance: num, collateral: num, intraday_payin: num, adhoc_margin: num }),
  utilised: z.looseObject({ debits: num, exposure: num, span: num, option_premium: num, m2m_realised: num, m2m_unrealised: num }),
});
export const KiteMarginsSchema = z.object({ equity: SegmentMarginSchema.optional(), commodity: SegmentMarginSchema.optional() });

export const KiteQuoteSchema = z.record(
  z.string(),
  z.looseObject({
    instrument_token: num,
    last_price: num,
    timestamp: z.string().nullable().optional(),
    ohlc: z.looseObject({ open: num, high: num, low: num, close: num }).optional(),
    depth: z
      .object({
        buy: z.array(z.object({ price: num, quantity: num, orders: num })),
        sell: z.array(z.object({ price: num, quantity: num, orders: num })),
      })
      .optional(),
  }),
);

export type KiteHolding = z.infer<typeof KiteHoldingSchema>;
export type KitePosition = z.infer<typeof KitePositionSchema>;
export type KiteOrder = z.infer<typeof KiteOrderSchema>;
export type KiteTrade = z.infer<typeof KiteTradeSchema>;
export type KiteMargins = z.infer<typeof KiteMarginsSchema>;
