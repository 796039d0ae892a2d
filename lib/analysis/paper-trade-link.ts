import type { ChartAnalysis } from './schemas/chart-analysis';

export type PaperTradeLink = { href: string; side: 'BUY' | 'SELL'; entry: string; stop: string | null; targets: string[] };

/**
 * The order ticket URL for a chart plan: the entry as a LIMIT order for one unit; CNC for a long,
 * MIS for a short (Zerodha allows no short delivery, so a CNC sell would be rejected). The stop and
 * first target travel along (plan_stop, plan_target): the paper page offers them as the next orders.
 * Null when the plan has no direction, entry, instrument or exchange.
 */
export function paperTradeLink(result: ChartAnalysis): PaperTradeLink | null {
  const plan = result.trade_plan;
  if (plan.direction === 'none' || !plan.entry || !result.instrument || !result.exchange) return null;
  const side = plan.direction === 'long' ? 'BUY' : 'SELL';
  const params = new URLSearchParams({
    exchange: result.exchange,
    tradingsymbol: result.instrument.toUpperCase(),
    transaction_type: side,
    order_type: 'LIMIT',
    price: plan.entry,
    quantity: '1',
    product: side === 'BUY' ? 'CNC' : 'MIS',
  });
  // The paper page turns these into the stop (SL) and target orders, to place once the entry fills.
  if (plan.stop) params.set('plan_stop', plan.stop);
  const [target] = plan.targets;
  if (target) params.set('plan_target', target);
  return { href: `/paper?${params.toString()}`, side, entry: plan.entry, stop: plan.stop, targets: plan.targets };
}
