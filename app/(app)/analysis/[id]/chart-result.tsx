import Link from 'next/link';
import type { AnalysisView } from '@/lib/analysis/analysis-view';
import { paperTradeLink } from '@/lib/analysis/paper-trade-link';
import type { ChartAnalysis } from '@/lib/analysis/schemas/chart-analysis';
import { formatInr } from '@/lib/format/inr';

const when = new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Kolkata' });
const pct = (value: number) => `${Math.round(value * 100)}%`;

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="border-t border-slate-200 pt-4 dark:border-slate-800">
      <h3 className="mb-2 text-sm font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">{title}</h3>
      {children}
    </section>
  );
}

export function ChartResult({ analysis, result }: { analysis: AnalysisView; result: ChartAnalysis }) {
  const plan = result.trade_plan;
  const link = paperTradeLink(result);
  const source = `Read by ${analysis.model ?? 'Claude'} from your screenshot${analysis.completed_at ? `, ${when.format(new Date(analysis.completed_at))} IST` : ''}`;
  return (
    <article className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900" aria-label="Chart analysis result">
      <header>
        <p className="text-2xl font-semibold" data-testid="result-instrument">
          {result.instrument ?? 'Instrument not visible'}
          {result.exchange ? <span className="ml-2 text-base font-normal text-slate-500">{result.exchange}</span> : null}
        </p>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Timeframe {result.timeframe ?? 'not visible'} · Trend <strong>{result.trend.direction}</strong> ({result.trend.strength}) · Confidence {pct(result.confidence)}
        </p>
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">Prices: {source}. Check them against a live quote before trading.</p>
      </header>

      <Section title="Trade plan">
        {plan.direction === 'none' ? (
          <p className="text-sm">No clear setup: Claude suggests no trade on this chart.</p>
        ) : (
          <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-slate-500">Direction</dt>
              <dd className={`font-semibold ${plan.direction === 'long' ? 'text-gain' : 'text-loss'}`}>{plan.direction === 'long' ? 'Long (buy)' : 'Short (sell)'}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Entry</dt>
              <dd className="num font-semibold" data-testid="plan-entry">{plan.entry ? formatInr(plan.entry) : '—'}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Stop</dt>
              <dd className="num font-semibold">{plan.stop ? formatInr(plan.stop) : '—'}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Targets</dt>
              <dd className="num">{plan.targets.map((t) => formatInr(t)).join(', ') || '—'}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Risk : reward</dt>
              <dd className="num">{plan.risk_reward === null ? '—' : `1 : ${plan.risk_reward}`}</dd>
            </div>
          </dl>
        )}
        <p className="mt-2 text-sm">
          <span className="text-slate-500">Invalidation: </span>
          {plan.invalidation}
        </p>
        {link ? (
          <div className="mt-3 rounded-lg bg-slate-50 p-3 text-sm dark:bg-slate-800/60">
            <Link href={link.href} className="inline-flex rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
              Paper trade this plan
            </Link>
            <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
              Opens the paper order ticket with a LIMIT {link.side} of 1 {result.instrument} at {formatInr(link.entry)} ({link.side === 'BUY' ? 'CNC' : 'MIS'}) for you to check and confirm.
              {link.stop ? ` The stop at ${formatInr(link.stop)} (SL)` : ''}
              {link.targets[0] ? `${link.stop ? ' and the' : ' The'} target at ${formatInr(link.targets[0])} (LIMIT ${link.side === 'BUY' ? 'SELL' : 'BUY'})` : ''}
              {link.stop || link.targets[0] ? ' are listed beside the ticket, to place once the entry fills.' : ''}
            </p>
          </div>
        ) : null}
      </Section>

      <Section title="Key levels">
        {result.key_levels.length === 0 ? (
          <p className="text-sm">None identified.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {result.key_levels.map((level, i) => (
              <li key={i}>
                <span className={`font-medium ${level.kind === 'support' ? 'text-gain' : 'text-loss'}`}>{level.kind === 'support' ? 'Support' : 'Resistance'}</span>{' '}
                <span className="num font-semibold">{formatInr(level.price)}</span> — {level.note}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title="Patterns">
        {result.patterns.length === 0 ? (
          <p className="text-sm">None identified.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {result.patterns.map((p, i) => (
              <li key={i}>
                <strong>{p.name}</strong> ({pct(p.confidence)}) — {p.note}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title="Indicators on the chart">
        {result.indicators.length === 0 ? (
          <p className="text-sm">No indicators visible.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {result.indicators.map((ind, i) => (
              <li key={i}>
                <strong>{ind.name}</strong>: {ind.reading}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title="Reasoning">
        <p className="text-sm whitespace-pre-line">{result.reasoning}</p>
      </Section>

      {result.history_notes ? (
        <Section title="Your history with this instrument">
          <p className="text-sm whitespace-pre-line">{result.history_notes}</p>
        </Section>
      ) : analysis.use_history ? (
        <Section title="Your history with this instrument">
          <p className="text-sm">Claude had no remarks about your past trades here.</p>
        </Section>
      ) : null}

      <p className="text-xs text-slate-500 dark:text-slate-400">
        {analysis.input_tokens !== null ? `${analysis.input_tokens + (analysis.output_tokens ?? 0)} tokens` : ''}
        {analysis.cost_usd ? ` · about $${Number(analysis.cost_usd).toFixed(4)}` : ''} · Educational analysis, not investment advice.
      </p>
    </article>
  );
}
