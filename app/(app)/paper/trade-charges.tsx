import type { Trade } from './api-client';
import { inr } from './format';

/** '−1.58' → -158: rupee strings with two decimals as integer paise (no float arithmetic on money). */
const paiseOf = (rupees: string) => {
  const [whole = '0', fraction = '00'] = rupees.replace('-', '').split('.');
  return (rupees.startsWith('-') ? -1 : 1) * (Number(whole) * 100 + Number(fraction.padEnd(2, '0')));
};
const rupeesOf = (paise: number) => `${paise < 0 ? '-' : ''}${Math.floor(Math.abs(paise) / 100)}.${String(Math.abs(paise) % 100).padStart(2, '0')}`;

/**
 * A fill's contract-note breakdown. A CNC sell that closed shares bought the same day shows which
 * units were billed as intraday and, apart from its own charges, the re-bill of those buys (charged
 * at delivery rates when they filled), which is part of the fill's total.
 */
export function TradeCharges({ trade: t }: { trade: Trade }) {
  const rebill = t.charges.buy_leg_adjustment;
  const own = rebill ? rupeesOf(paiseOf(t.charges.total) - paiseOf(rebill.total)) : null;
  return (
    <details>
      <summary className="num cursor-pointer" data-testid="trade-charges">
        {inr(t.charges.total)}
        {/* On a line of its own: inline, it made the column too wide for the card at desktop width. */}
        {rebill ? <span className="block text-xs font-normal whitespace-normal text-slate-500">incl. same-day re-bill</span> : null}
      </summary>
      {/* Bounded, so the open breakdown gives way to the table (fit its card) instead of widening it. */}
      <div className="max-w-48 min-w-40 whitespace-normal">
        {t.charges.intraday_quantity ? (
          <p className="mt-1 text-xs text-slate-500" data-testid="trade-intraday">
            {t.charges.intraday_quantity} of {t.quantity} closed today’s CNC buy: billed as intraday (Zerodha bills a CNC buy sold the same day as intraday).
          </p>
        ) : null}
        <dl className="num mt-1 grid grid-cols-[1fr_auto] gap-x-3 text-xs [&>dd]:text-right [&>dd]:whitespace-nowrap">
          <dt>Brokerage</dt><dd>{inr(t.charges.brokerage)}</dd>
          <dt>{t.charges.transaction_tax_type.toUpperCase()}</dt><dd>{inr(t.charges.transaction_tax)}</dd>
          <dt>Exchange txn</dt><dd>{inr(t.charges.exchange_turnover_charge)}</dd>
          <dt>SEBI fee</dt><dd>{inr(t.charges.sebi_turnover_charge)}</dd>
          <dt>Stamp duty</dt><dd>{inr(t.charges.stamp_duty)}</dd>
          <dt>GST</dt><dd>{inr(t.charges.gst.total)}</dd>
          {t.charges.dp_charges ? <><dt>DP</dt><dd>{inr(t.charges.dp_charges)}</dd></> : null}
          {t.charges.squareoff_charge ? <><dt>Square-off</dt><dd>{inr(t.charges.squareoff_charge)}</dd></> : null}
          {rebill && own !== null ? (
            <>
              <dt className="font-semibold">This fill</dt><dd className="font-semibold">{inr(own)}</dd>
              <dt className="col-span-2 mt-1 font-semibold">Today’s buy of {rebill.quantity} re-billed at intraday rates</dt>
              <dt>Brokerage</dt><dd>{inr(rebill.brokerage, true)}</dd>
              <dt>{t.charges.transaction_tax_type.toUpperCase()}</dt><dd>{inr(rebill.transaction_tax, true)}</dd>
              <dt>Exchange txn</dt><dd>{inr(rebill.exchange_turnover_charge, true)}</dd>
              <dt>SEBI fee</dt><dd>{inr(rebill.sebi_turnover_charge, true)}</dd>
              <dt>Stamp duty</dt><dd>{inr(rebill.stamp_duty, true)}</dd>
              <dt>GST</dt><dd>{inr(rebill.gst, true)}</dd>
              <dt className="font-semibold">Re-bill</dt><dd className="font-semibold" data-testid="trade-rebill">{inr(rebill.total, true)}</dd>
              <dt className="font-semibold">Total</dt><dd className="font-semibold">{inr(t.charges.total)}</dd>
            </>
          ) : null}
          <dt className="col-span-2">Rates: <span className="whitespace-nowrap">{t.charges_source === 'kite' ? 'Zerodha (live)' : t.charges_source}</span></dt>
        </dl>
      </div>
    </details>
  );
}
