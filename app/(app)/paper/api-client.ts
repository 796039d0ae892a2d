'use client';

export type ApiError = { code: string; message: string; fields?: Record<string, string[]> };

/** Calls our JSON API from the browser (session cookie) and returns data or the one error shape. */
export async function api<T>(path: string, init?: RequestInit): Promise<{ ok: true; data: T } | { ok: false; error: ApiError }> {
  try {
    const response = await fetch(path, { ...init, headers: { 'content-type': 'application/json', ...init?.headers }, cache: 'no-store' });
    const body = (await response.json()) as T & { error?: ApiError };
    if (!response.ok) return { ok: false, error: body.error ?? { code: 'error', message: `Request failed (${response.status}).` } };
    return { ok: true, data: body };
  } catch {
    return { ok: false, error: { code: 'network', message: 'Could not reach the server. Check your connection.' } };
  }
}

export type Order = {
  order_id: string; exchange: string; tradingsymbol: string; transaction_type: string; order_type: string; product: string; validity: string;
  quantity: number; filled_quantity: number; pending_quantity: number; price: number; trigger_price: number; average_price: number;
  status: string; status_message: string | null; order_timestamp: string; price_source: string | null; tag: string | null;
};
export type Position = {
  exchange: string; tradingsymbol: string; product: string; quantity: number; average_price: number; last_price: number | null;
  realised: string; unrealised: string; pnl: string; buy_quantity: number; sell_quantity: number; price_source: string | null; price_time: string | null; trading_day: string;
  /** F&O contracts: the expiry date; awaiting_settlement while an open position past it waits for its settlement price. */
  expiry: string | null; awaiting_settlement: boolean;
};
export type Holding = { exchange: string; tradingsymbol: string; quantity: number; t1_quantity: number; average_price: number; last_price: number | null; pnl: string; price_source: string | null; price_time: string | null };
export type Trade = {
  trade_id: string; order_id: string; tradingsymbol: string; exchange: string; product: string; transaction_type: string; quantity: number; average_price: number;
  fill_timestamp: string; charges_source: string; price_source: string; charges_total: string;
  charges: { brokerage: string; transaction_tax: string; transaction_tax_type: string; exchange_turnover_charge: string; sebi_turnover_charge: string; stamp_duty: string; gst: { total: string }; dp_charges?: string; squareoff_charge?: string; total: string;
    /** CNC sells: units that closed a buy of the same day, billed intraday, and the re-bill of that buy (part of total). */
    intraday_quantity?: number;
    buy_leg_adjustment?: { quantity: number; brokerage: string; transaction_tax: string; exchange_turnover_charge: string; sebi_turnover_charge: string; stamp_duty: string; gst: string; total: string };
  };
};
export type LedgerRow = { id: string; kind: string; amount: string; balance: string; note: string | null; created_at: string };
export type Funds = {
  id: string; active: boolean; opening_balance: string; cash: string; available: string; used_margin: string; realised_pnl: string; charges: string;
  created_at: string; closed_at: string | null; other_accounts: { id: string; created_at: string; closed_at: string | null }[];
};
