'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { api, type ApiError, type Order } from './api-client';
import { figureSourceLabel, inputClass, inr, sourceLabel } from './format';

export type TicketPrefill = Partial<Record<'exchange' | 'tradingsymbol' | 'transaction_type' | 'order_type' | 'quantity' | 'price' | 'trigger_price' | 'product' | 'validity', string>>;

type Preview = {
  price: string; total: string; available: string; lot_size: number; tick_size: string;
  margin: { total: string; method: string; source: string };
  charges: { total: string; brokerage: string; transaction_tax: string; gst: { total: string }; rateVersion: string; buy_leg_adjustment?: { total: string } };
  quote: { last_price: string; bid: string | null; ask: string | null; source: string; timestamp: string };
};

const pick = <T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T => (allowed.includes(value as T) ? (value as T) : fallback);
const EXCHANGES = ['NSE', 'BSE', 'NFO', 'BFO'] as const;
const ORDER_TYPES = ['MARKET', 'LIMIT', 'SL', 'SL-M'] as const;
const PRODUCTS = ['CNC', 'MIS', 'NRML'] as const;

function FieldError({ id, errors }: { id: string; errors?: string[] | undefined }) {
  return errors?.length ? <p id={id} className="mt-1 text-xs text-loss">{errors.join(' ')}</p> : null;
}

/** The order ticket: keyboard-usable, prefillable from the URL, with margin and charges shown before placing. */
export function OrderTicket({ prefill, onPlaced }: { prefill: TicketPrefill; onPlaced: (order: Order) => void }) {
  const uid = useId();
  const isFno = (exchange: string) => exchange === 'NFO' || exchange === 'BFO';
  const [exchange, setExchange] = useState(pick(prefill.exchange, EXCHANGES, 'NSE'));
  const [symbol, setSymbol] = useState(prefill.tradingsymbol ?? '');
  const [side, setSide] = useState(pick(prefill.transaction_type, ['BUY', 'SELL'] as const, 'BUY'));
  const [orderType, setOrderType] = useState(pick(prefill.order_type, ORDER_TYPES, 'LIMIT'));
  const [product, setProduct] = useState(pick(prefill.product, PRODUCTS, isFno(prefill.exchange ?? '') ? 'NRML' : 'CNC'));
  const [validity, setValidity] = useState(pick(prefill.validity, ['DAY', 'IOC'] as const, 'DAY'));
  const [quantity, setQuantity] = useState(prefill.quantity ?? '1');
  const [price, setPrice] = useState(prefill.price ?? '');
  const [trigger, setTrigger] = useState(prefill.trigger_price ?? '');
  const [suggestions, setSuggestions] = useState<{ exchange: string; tradingsymbol: string; name: string }[]>([]);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const idempotencyKey = useRef(crypto.randomUUID());

  const needsPrice = orderType === 'LIMIT' || orderType === 'SL';
  const needsTrigger = orderType === 'SL' || orderType === 'SL-M';
  const lotSize = preview?.lot_size ?? 1;
  const units = isFno(exchange) ? String(Number(quantity) * lotSize) : quantity;

  const body = () => ({
    exchange, tradingsymbol: symbol.trim().toUpperCase(), transaction_type: side, order_type: orderType, product, validity,
    quantity: /^\d+$/.test(units) ? Number(units) : units,
    ...(needsPrice && price !== '' && { price }),
    ...(needsTrigger && trigger !== '' && { trigger_price: trigger }),
  });

  useEffect(() => {
    if (symbol.trim().length < 2) return;
    const timer = setTimeout(async () => {
      const result = await api<{ instruments: { exchange: string; tradingsymbol: string; name: string }[] }>(`/api/v1/instruments/search?q=${encodeURIComponent(symbol.trim())}`);
      if (result.ok) setSuggestions(result.data.instruments.slice(0, 20));
    }, 250);
    return () => clearTimeout(timer);
  }, [symbol]);

  useEffect(() => {
    if (symbol.trim() === '') return;
    const timer = setTimeout(async () => {
      const result = await api<Preview>('/api/v1/paper/margins', { method: 'POST', body: JSON.stringify(body()) });
      if (result.ok) {
        setPreview(result.data);
        setError(null);
      } else {
        setPreview(null);
        setError(result.error);
      }
    }, 300);
    return () => clearTimeout(timer);
    // body() is rebuilt from exactly these fields on every render.
  }, [exchange, symbol, side, orderType, product, validity, quantity, price, trigger]);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    const result = await api<{ order: Order }>('/api/v1/paper/orders', { method: 'POST', body: JSON.stringify(body()), headers: { 'idempotency-key': idempotencyKey.current } });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    idempotencyKey.current = crypto.randomUUID();
    const order = result.data.order;
    setMessage(order.status === 'REJECTED' ? `Rejected: ${order.status_message ?? ''}` : `Order ${order.status === 'COMPLETE' ? 'filled' : 'placed'}: ${order.transaction_type} ${order.quantity} ${order.tradingsymbol} (${order.status}).`);
    onPlaced(order);
  }

  const fields = error?.fields ?? {};
  const errId = (name: string) => `${uid}-${name}-error`;
  const described = (name: string) => (fields[name]?.length ? { 'aria-invalid': true, 'aria-describedby': errId(name) } : {});
  const label = 'block text-xs font-medium text-slate-600 dark:text-slate-400';
  const segmented = (active: boolean, tone = 'brand') =>
    `flex-1 cursor-pointer rounded-md border px-3 py-1.5 text-center text-sm font-semibold has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500 ${
      active ? (tone === 'sell' ? 'border-loss bg-loss text-white' : 'border-brand-600 bg-brand-600 text-white') : 'border-slate-300 dark:border-slate-700'
    }`;

  return (
    <form onSubmit={submit} aria-label="Order ticket" className="space-y-3" noValidate>
      <fieldset className="flex gap-2">
        <legend className="sr-only">Side</legend>
        {(['BUY', 'SELL'] as const).map((value) => (
          <label key={value} className={segmented(side === value, value === 'SELL' ? 'sell' : 'brand')}>
            <input type="radio" name="transaction_type" value={value} checked={side === value} onChange={() => setSide(value)} className="sr-only" />
            {value}
          </label>
        ))}
      </fieldset>
      <div className="grid grid-cols-3 gap-2">
        <div>
          <label htmlFor={`${uid}-exchange`} className={label}>Exchange</label>
          <select id={`${uid}-exchange`} value={exchange} onChange={(e) => { const next = e.target.value as typeof exchange; setExchange(next); setProduct(isFno(next) ? 'NRML' : 'CNC'); }} className={inputClass}>
            {EXCHANGES.map((value) => <option key={value}>{value}</option>)}
          </select>
        </div>
        <div className="col-span-2">
          <label htmlFor={`${uid}-symbol`} className={label}>Instrument</label>
          <input id={`${uid}-symbol`} list={`${uid}-suggestions`} value={symbol} autoComplete="off" placeholder="Search, e.g. INFY"
            onChange={(e) => { const value = e.target.value; const hit = suggestions.find((s) => `${s.exchange}:${s.tradingsymbol}` === value); if (hit) { setExchange(pick(hit.exchange, EXCHANGES, 'NSE')); setSymbol(hit.tradingsymbol); setProduct(isFno(hit.exchange) ? 'NRML' : 'CNC'); } else setSymbol(value); }}
            className={inputClass} {...described('tradingsymbol')} />
          <datalist id={`${uid}-suggestions`}>
            {suggestions.map((s) => <option key={`${s.exchange}:${s.tradingsymbol}`} value={`${s.exchange}:${s.tradingsymbol}`}>{s.name}</option>)}
          </datalist>
          <FieldError id={errId('tradingsymbol')} errors={fields.tradingsymbol} />
        </div>
      </div>
      <div className="grid grid-cols-2 gap-2">
        <div>
          <label htmlFor={`${uid}-quantity`} className={label}>{isFno(exchange) ? `Lots (lot size ${lotSize})` : 'Quantity'}</label>
          <input id={`${uid}-quantity`} inputMode="numeric" value={quantity} onChange={(e) => setQuantity(e.target.value)} className={inputClass} {...described('quantity')} />
          <FieldError id={errId('quantity')} errors={fields.quantity} />
        </div>
        <div>
          <label htmlFor={`${uid}-product`} className={label}>Product</label>
          <select id={`${uid}-product`} value={product} onChange={(e) => setProduct(e.target.value as typeof product)} className={inputClass} {...described('product')}>
            {(isFno(exchange) ? (['NRML', 'MIS'] as const) : (['CNC', 'MIS'] as const)).map((value) => <option key={value}>{value}</option>)}
          </select>
          <FieldError id={errId('product')} errors={fields.product} />
        </div>
      </div>
      <div>
        <label htmlFor={`${uid}-type`} className={label}>Order type</label>
        <select id={`${uid}-type`} value={orderType} onChange={(e) => setOrderType(e.target.value as typeof orderType)} className={inputClass} {...described('order_type')}>
          {ORDER_TYPES.map((value) => <option key={value}>{value}</option>)}
        </select>
        <FieldError id={errId('order_type')} errors={fields.order_type} />
      </div>
      <div className="grid grid-cols-2 gap-2">
        <div>
          <label htmlFor={`${uid}-price`} className={label}>Price</label>
          <input id={`${uid}-price`} inputMode="decimal" value={needsPrice ? price : ''} disabled={!needsPrice} placeholder={needsPrice ? '' : 'Market'} onChange={(e) => setPrice(e.target.value)} className={`${inputClass} disabled:opacity-50`} {...described('price')} />
          <FieldError id={errId('price')} errors={fields.price} />
        </div>
        <div>
          <label htmlFor={`${uid}-trigger`} className={label}>Trigger price</label>
          <input id={`${uid}-trigger`} inputMode="decimal" value={needsTrigger ? trigger : ''} disabled={!needsTrigger} onChange={(e) => setTrigger(e.target.value)} className={`${inputClass} disabled:opacity-50`} {...described('trigger_price')} />
          <FieldError id={errId('trigger_price')} errors={fields.trigger_price} />
        </div>
      </div>
      <fieldset className="flex gap-2">
        <legend className={`${label} mb-1`}>Validity</legend>
        {(['DAY', 'IOC'] as const).map((value) => (
          <label key={value} className={segmented(validity === value)}>
            <input type="radio" name="validity" value={value} checked={validity === value} onChange={() => setValidity(value)} className="sr-only" />
            {value}
          </label>
        ))}
      </fieldset>

      <div aria-live="polite" className="rounded-md bg-slate-50 p-3 text-xs dark:bg-slate-800/60" data-testid="ticket-preview">
        {preview ? (
          <dl className="grid grid-cols-2 gap-x-3 gap-y-1">
            <dt>LTP</dt>
            <dd className="num text-right">{inr(preview.quote.last_price)} <span className="text-slate-500">({sourceLabel(preview.quote.source, preview.quote.timestamp)})</span></dd>
            <dt>Bid / Ask</dt>
            <dd className="num text-right">{inr(preview.quote.bid)} / {inr(preview.quote.ask)}</dd>
            <dt title={preview.margin.method}>Required margin <span className="text-slate-500" data-testid="ticket-margin-source">({figureSourceLabel(preview.margin.source)})</span></dt>
            <dd className="num text-right" data-testid="ticket-margin">{inr(preview.margin.total)}</dd>
            <dt>Charges <span className="text-slate-500" data-testid="ticket-charges-source">({figureSourceLabel(preview.charges.rateVersion)})</span></dt>
            <dd className="num text-right" data-testid="ticket-charges">{inr(preview.charges.total)}</dd>
            {preview.charges.buy_leg_adjustment ? (
              <dd className="col-span-2 text-slate-500" data-testid="ticket-charges-rebill">Sells today’s CNC buy: billed intraday, incl. the buy’s re-bill.</dd>
            ) : null}
            <dt>Available</dt>
            <dd className="num text-right">{inr(preview.available)}</dd>
          </dl>
        ) : (
          <p>{error && !error.fields ? error.message : 'Choose an instrument to see the margin and charges.'}</p>
        )}
      </div>
      <button type="submit" disabled={busy} className={`w-full rounded-md px-4 py-2 font-semibold text-white disabled:opacity-60 ${side === 'SELL' ? 'bg-loss' : 'bg-brand-600 hover:bg-brand-700'}`}>
        {busy ? 'Placing…' : `${side === 'BUY' ? 'Buy' : 'Sell'} ${symbol.trim().toUpperCase() || ''}`.trim()}
      </button>
      <p role="status" className="text-sm">{message ?? (error && error.fields ? error.message : '')}</p>
    </form>
  );
}
