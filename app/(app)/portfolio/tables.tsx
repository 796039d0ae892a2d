import { formatInr } from '@/lib/format/inr';
import type { KiteHolding, KiteMargins, KiteOrder, KitePosition, KiteTrade } from '@/lib/kite/schemas';
import { holdingsTotals, positionsTotals, rupees } from '@/lib/portfolio/totals';

const tone = (value: string) => (value.startsWith('-') ? 'text-loss' : /[1-9]/.test(value) ? 'text-gain' : '');
const inr = (n: number) => formatInr(rupees(n));
const signed = (n: number) => <span className={tone(rupees(n))}>{formatInr(rupees(n), { sign: true })}</span>;

// On a phone the tables scroll sideways; the instrument column stays put so every figure keeps its name.
const stickyFirst = 'max-sm:sticky max-sm:left-0 max-sm:z-10 max-sm:bg-white max-sm:shadow-[1px_0_0_0_rgb(226_232_240)] dark:max-sm:bg-slate-900';

function Table({ caption, head, children }: { caption: string; head: string[]; children: React.ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="num w-full min-w-[40rem] text-right text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-xs text-slate-500 uppercase dark:border-slate-800">
          <tr>
            {head.map((h, i) => (
              <th key={h} scope="col" className={`px-3 py-2 font-medium ${i === 0 ? `text-left ${stickyFirst}` : ''}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">{children}</tbody>
      </table>
    </div>
  );
}

const Sym = ({ s, e }: { s: string; e: string }) => (
  <th scope="row" className={`px-3 py-2 text-left font-medium ${stickyFirst}`}>
    {s} <span className="text-xs font-normal text-slate-500">{e}</span>
  </th>
);
const Td = ({ children }: { children: React.ReactNode }) => <td className="px-3 py-2 whitespace-nowrap">{children}</td>;

function Stat({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <dt className="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="num mt-1 text-lg font-semibold">{value}</dd>
    </div>
  );
}

export function HoldingsView({ holdings }: { holdings: KiteHolding[] }) {
  const t = holdingsTotals(holdings);
  return (
    <>
      <dl className="mb-4 grid grid-cols-2 gap-3 lg:grid-cols-4" aria-label="Holdings totals">
        <Stat label="Invested" value={formatInr(t.invested)} />
        <Stat label="Current value" value={formatInr(t.current)} />
        <Stat label="Total P&L" value={<span className={tone(t.pnl)}>{formatInr(t.pnl, { sign: true })} ({t.pnlPercent}%)</span>} />
        <Stat label="Day's change" value={<span className={tone(t.dayChange)}>{formatInr(t.dayChange, { sign: true })} ({t.dayChangePercent}%)</span>} />
      </dl>
      <Table caption="Holdings" head={['Instrument', 'Qty', 'T1', 'Pledged', 'Avg. cost', 'LTP', 'P&L', 'Day chg.']}>
        {holdings.map((h) => (
          <tr key={`${h.exchange}:${h.tradingsymbol}`}>
            <Sym s={h.tradingsymbol} e={h.exchange} />
            <Td>{h.quantity}</Td>
            <Td>{h.t1_quantity}</Td>
            <Td>{h.collateral_quantity}</Td>
            <Td>{inr(h.average_price)}</Td>
            <Td>{inr(h.last_price)}</Td>
            <Td>{signed(h.pnl)}</Td>
            <Td>
              <span className={tone(rupees(h.day_change))}>{h.day_change_percentage.toFixed(2)}%</span>
            </Td>
          </tr>
        ))}
      </Table>
    </>
  );
}

function PositionRows({ positions }: { positions: KitePosition[] }) {
  return positions.map((p) => (
    <tr key={`${p.exchange}:${p.tradingsymbol}:${p.product}`}>
      <Sym s={p.tradingsymbol} e={p.exchange} />
      <Td>{p.product}</Td>
      <Td>{p.quantity}</Td>
      <Td>{inr(p.average_price)}</Td>
      <Td>{inr(p.last_price)}</Td>
      <Td>{signed(p.m2m)}</Td>
      <Td>{signed(p.realised)}</Td>
      <Td>{signed(p.unrealised)}</Td>
      <Td>{signed(p.pnl)}</Td>
    </tr>
  ));
}

export function PositionsView({ positions }: { positions: { net: KitePosition[]; day: KitePosition[] } }) {
  const t = positionsTotals(positions.net);
  const head = ['Instrument', 'Product', 'Qty', 'Avg.', 'LTP', 'M2M', 'Realised', 'Unrealised', 'P&L'];
  return (
    <div className="space-y-6">
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4" aria-label="Positions totals">
        <Stat label="Net P&L" value={<span className={tone(t.pnl)}>{formatInr(t.pnl, { sign: true })}</span>} />
        <Stat label="M2M" value={<span className={tone(t.m2m)}>{formatInr(t.m2m, { sign: true })}</span>} />
        <Stat label="Realised" value={formatInr(t.realised, { sign: true })} />
        <Stat label="Unrealised" value={formatInr(t.unrealised, { sign: true })} />
      </dl>
      <section aria-labelledby="net-positions">
        <h3 id="net-positions" className="mb-2 font-semibold">Net</h3>
        {positions.net.length ? <Table caption="Net positions" head={head}><PositionRows positions={positions.net} /></Table> : <p className="text-slate-500">No open positions.</p>}
      </section>
      <section aria-labelledby="day-positions">
        <h3 id="day-positions" className="mb-2 font-semibold">Day</h3>
        {positions.day.length ? <Table caption="Day positions" head={head}><PositionRows positions={positions.day} /></Table> : <p className="text-slate-500">No trades today.</p>}
      </section>
    </div>
  );
}

export function OrdersView({ orders }: { orders: KiteOrder[] }) {
  if (!orders.length) return <p className="text-slate-500">No orders today.</p>;
  return (
    <Table caption="Orders" head={['Instrument', 'Time (IST)', 'Type', 'Product', 'Qty', 'Price', 'Avg.', 'Status']}>
      {orders.map((o) => (
        <tr key={o.order_id}>
          <Sym s={o.tradingsymbol} e={o.exchange} />
          <Td>{o.order_timestamp ?? '—'}</Td>
          <Td>
            {o.transaction_type} {o.order_type}
          </Td>
          <Td>{o.product}</Td>
          <Td>
            {o.filled_quantity}/{o.quantity}
          </Td>
          <Td>{o.price ? inr(o.price) : '—'}</Td>
          <Td>{o.average_price ? inr(o.average_price) : '—'}</Td>
          <Td>
            <span title={o.status_message ?? undefined}>{o.status}</span>
          </Td>
        </tr>
      ))}
    </Table>
  );
}

export function TradesView({ trades }: { trades: KiteTrade[] }) {
  if (!trades.length) return <p className="text-slate-500">No trades today.</p>;
  return (
    <Table caption="Trades" head={['Instrument', 'Time (IST)', 'Side', 'Product', 'Qty', 'Price', 'Trade id']}>
      {trades.map((t) => (
        <tr key={t.trade_id}>
          <Sym s={t.tradingsymbol} e={t.exchange} />
          <Td>{t.fill_timestamp ?? '—'}</Td>
          <Td>{t.transaction_type}</Td>
          <Td>{t.product}</Td>
          <Td>{t.quantity}</Td>
          <Td>{inr(t.average_price)}</Td>
          <Td>{t.trade_id}</Td>
        </tr>
      ))}
    </Table>
  );
}

export function MarginsView({ margins }: { margins: KiteMargins }) {
  const segments = [
    ['Equity', margins.equity],
    ['Commodity', margins.commodity],
  ] as const;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {segments.map(([label, m]) => (
        <section key={label} aria-label={`${label} margins`} className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          <h3 className="mb-3 font-semibold">{label}</h3>
          {m && m.enabled ? (
            <dl className="num grid grid-cols-2 gap-2 text-sm">
              <dt className="text-slate-500">Available cash</dt>
              <dd className="text-right">{inr(m.available.live_balance)}</dd>
              <dt className="text-slate-500">Opening balance</dt>
              <dd className="text-right">{inr(m.available.opening_balance)}</dd>
              <dt className="text-slate-500">Collateral</dt>
              <dd className="text-right">{inr(m.available.collateral)}</dd>
              <dt className="text-slate-500">Used</dt>
              <dd className="text-right">{inr(m.utilised.debits)}</dd>
              <dt className="font-semibold">Net</dt>
              <dd className="text-right font-semibold">{inr(m.net)}</dd>
            </dl>
          ) : (
            <p className="text-sm text-slate-500">Segment not enabled.</p>
          )}
        </section>
      ))}
    </div>
  );
}
