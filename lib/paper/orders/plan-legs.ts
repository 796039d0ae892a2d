/** A trade plan carried in the paper page's URL (from an analysis): entry, stop and first target. */
export type PlanParams = {
  exchange: string;
  tradingsymbol: string;
  transaction_type: 'BUY' | 'SELL';
  product: string;
  quantity: string;
  price: string;
  plan_stop?: string;
  plan_target?: string;
};

export type PlanLeg = { role: 'entry' | 'stop' | 'target'; label: string; params: Record<string, string> };

const DECIMAL = /^\d+(\.\d+)?$/;

/**
 * The three orders of a plan, each as ticket prefill: the entry as a LIMIT, the stop as an SL on
 * the opposite side (limit at the trigger), the target as an opposite LIMIT. Stop and target are
 * placed after the entry fills, as separate orders, the way a Zerodha trader would.
 */
export function planLegs(plan: PlanParams): PlanLeg[] {
  const exit = plan.transaction_type === 'BUY' ? 'SELL' : 'BUY';
  const common = { exchange: plan.exchange, tradingsymbol: plan.tradingsymbol, product: plan.product, quantity: plan.quantity };
  const keep = { plan_stop: plan.plan_stop ?? '', plan_target: plan.plan_target ?? '', plan_side: plan.transaction_type, plan_entry: plan.price };
  const legs: PlanLeg[] = [
    { role: 'entry', label: `Entry: ${plan.transaction_type} LIMIT at ${plan.price}`, params: { ...common, ...keep, transaction_type: plan.transaction_type, order_type: 'LIMIT', price: plan.price } },
  ];
  if (plan.plan_stop && DECIMAL.test(plan.plan_stop)) {
    legs.push({
      role: 'stop',
      label: `Stop: ${exit} SL, trigger ${plan.plan_stop}`,
      params: { ...common, ...keep, transaction_type: exit, order_type: 'SL', trigger_price: plan.plan_stop, price: plan.plan_stop },
    });
  }
  if (plan.plan_target && DECIMAL.test(plan.plan_target)) {
    legs.push({ role: 'target', label: `Target: ${exit} LIMIT at ${plan.plan_target}`, params: { ...common, ...keep, transaction_type: exit, order_type: 'LIMIT', price: plan.plan_target } });
  }
  return legs;
}

/** Reads a plan back from the page's search parameters (null when there is none). */
export function readPlan(params: Record<string, string | string[] | undefined>): PlanParams | null {
  const text = (key: string) => {
    const value = params[key];
    return typeof value === 'string' && value.length > 0 && value.length <= 64 ? value : undefined;
  };
  const side = text('plan_side') ?? text('transaction_type');
  const entry = text('plan_entry') ?? text('price');
  const exchange = text('exchange');
  const tradingsymbol = text('tradingsymbol');
  if (!text('plan_stop') && !text('plan_target')) return null;
  if ((side !== 'BUY' && side !== 'SELL') || !entry || !exchange || !tradingsymbol) return null;
  return {
    exchange,
    tradingsymbol,
    transaction_type: side,
    product: text('product') ?? 'CNC',
    quantity: text('quantity') ?? '1',
    price: entry,
    plan_stop: text('plan_stop'),
    plan_target: text('plan_target'),
  };
}
