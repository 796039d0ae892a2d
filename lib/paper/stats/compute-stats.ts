import { Decimal } from 'decimal.js';

export type StatsFill = {
  exchange: string;
  tradingsymbol: string;
  product: string;
  transactionType: 'BUY' | 'SELL';
  quantity: number;
  price: string;
  chargesTotal: string;
  filledAt: Date;
};

export type EquityPoint = { time: string; equity: string };

export type PaperStats = {
  gross_pnl: string;
  total_charges: string;
  net_pnl: string;
  closed_trades: number;
  win_rate: string | null;
  average_win: string | null;
  average_loss: string | null;
  profit_factor: string | null;
  expectancy: string | null;
  max_drawdown: string;
  daily_sharpe: string | null;
  equity_curve: EquityPoint[];
};

const two = (value: Decimal) => value.toFixed(2);

/**
 * Performance from fills, replayed in time order with average-cost positions per instrument and
 * product: every fill that reduces a position closes a trade whose gross P&L is (exit − average)
 * × quantity. Net P&L subtracts every charge. Equity = opening balance + realised gross − charges
 * after each fill; drawdown is the largest fall from a running peak; the Sharpe ratio is the mean
 * over the standard deviation of daily net P&L (IST days with fills), × √252.
 */
export function computeStats(fills: readonly StatsFill[], openingBalance: string, from?: Date): PaperStats {
  const sorted = [...fills].sort((a, b) => a.filledAt.getTime() - b.filledAt.getTime());
  const positions = new Map<string, { quantity: number; average: Decimal }>();
  const outcomes: Decimal[] = [];
  let gross = new Decimal(0);
  let charges = new Decimal(0);
  let peak = new Decimal(openingBalance);
  let maxDrawdown = new Decimal(0);
  const curve: EquityPoint[] = [{ time: sorted[0]?.filledAt.toISOString() ?? new Date(0).toISOString(), equity: two(new Decimal(openingBalance)) }];
  const daily = new Map<string, Decimal>();

  for (const fill of sorted) {
    const key = `${fill.exchange}:${fill.tradingsymbol}:${fill.product}`;
    const position = positions.get(key) ?? { quantity: 0, average: new Decimal(0) };
    const price = new Decimal(fill.price);
    const signed = fill.transactionType === 'BUY' ? fill.quantity : -fill.quantity;
    let realised = new Decimal(0);
    const closing = position.quantity !== 0 && Math.sign(position.quantity) !== Math.sign(signed) ? Math.min(Math.abs(position.quantity), fill.quantity) : 0;
    // Fills before the period only build the cost basis of what is closed inside it.
    const counted = from === undefined || fill.filledAt >= from;
    if (closing > 0) {
      realised = (position.quantity > 0 ? price.minus(position.average) : position.average.minus(price)).mul(closing);
      if (counted) outcomes.push(realised);
    }
    const opening = fill.quantity - closing;
    if (opening > 0) {
      position.average = closing > 0 || position.quantity === 0 ? price : position.average.mul(Math.abs(position.quantity)).plus(price.mul(opening)).div(Math.abs(position.quantity) + opening);
    }
    position.quantity += signed;
    positions.set(key, position);

    if (!counted) continue;
    const charge = new Decimal(fill.chargesTotal);
    gross = gross.plus(realised);
    charges = charges.plus(charge);
    const day = new Date(fill.filledAt.getTime() + 330 * 60_000).toISOString().slice(0, 10);
    daily.set(day, (daily.get(day) ?? new Decimal(0)).plus(realised).minus(charge));
    const equity = new Decimal(openingBalance).plus(gross).minus(charges);
    if (equity.gt(peak)) peak = equity;
    if (peak.minus(equity).gt(maxDrawdown)) maxDrawdown = peak.minus(equity);
    curve.push({ time: fill.filledAt.toISOString(), equity: two(equity) });
  }

  const wins = outcomes.filter((o) => o.gt(0));
  const losses = outcomes.filter((o) => o.lt(0));
  const sum = (values: Decimal[]) => values.reduce((total, v) => total.plus(v), new Decimal(0));
  const winSum = sum(wins);
  const lossSum = sum(losses).abs();
  const days = [...daily.values()];
  let sharpe: string | null = null;
  if (days.length >= 2) {
    const mean = sum(days).div(days.length);
    const variance = sum(days.map((d) => d.minus(mean).pow(2))).div(days.length - 1);
    if (variance.gt(0)) sharpe = mean.div(variance.sqrt()).mul(new Decimal(252).sqrt()).toFixed(2);
  }
  return {
    gross_pnl: two(gross),
    total_charges: two(charges),
    net_pnl: two(gross.minus(charges)),
    closed_trades: outcomes.length,
    win_rate: outcomes.length > 0 ? new Decimal(wins.length).div(outcomes.length).mul(100).toFixed(1) : null,
    average_win: wins.length > 0 ? two(winSum.div(wins.length)) : null,
    average_loss: losses.length > 0 ? two(lossSum.div(losses.length).neg()) : null,
    profit_factor: lossSum.gt(0) ? winSum.div(lossSum).toFixed(2) : null,
    expectancy: outcomes.length > 0 ? two(sum(outcomes).div(outcomes.length)) : null,
    max_drawdown: two(maxDrawdown),
    daily_sharpe: sharpe,
    equity_curve: curve,
  };
}
