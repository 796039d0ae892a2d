import Decimal from 'decimal.js';

type HoldingLike = { quantity: number; t1_quantity: number; average_price: number; last_price: number; close_price: number; pnl: number };
type PositionLike = { pnl: number; m2m: number; realised: number; unrealised: number };

export type HoldingsTotals = { invested: string; current: string; pnl: string; pnlPercent: string; dayChange: string; dayChangePercent: string };

// Kite's numbers are binary floats on the wire; each is read through its shortest decimal spelling
// and every sum is done in Decimal, so totals carry no float drift.
const d = (n: number) => new Decimal(String(n));
const pct = (part: Decimal, whole: Decimal) => (whole.isZero() ? '0.00' : part.div(whole).mul(100).toFixed(2));

/** Totals as Zerodha's holdings page shows them; T1 shares count (bought, not yet in demat). */
export function holdingsTotals(holdings: readonly HoldingLike[]): HoldingsTotals {
  let invested = new Decimal(0);
  let current = new Decimal(0);
  let pnl = new Decimal(0);
  let previous = new Decimal(0);
  for (const h of holdings) {
    const qty = h.quantity + h.t1_quantity;
    invested = invested.plus(d(h.average_price).mul(qty));
    current = current.plus(d(h.last_price).mul(qty));
    previous = previous.plus(d(h.close_price).mul(qty));
    pnl = pnl.plus(d(h.pnl));
  }
  const dayChange = current.minus(previous);
  return {
    invested: invested.toFixed(2),
    current: current.toFixed(2),
    pnl: pnl.toFixed(2),
    pnlPercent: pct(pnl, invested),
    dayChange: dayChange.toFixed(2),
    dayChangePercent: pct(dayChange, previous),
  };
}

export function positionsTotals(positions: readonly PositionLike[]): { pnl: string; m2m: string; realised: string; unrealised: string } {
  const sum = (pick: (p: PositionLike) => number) => positions.reduce((acc, p) => acc.plus(d(pick(p))), new Decimal(0)).toFixed(2);
  return { pnl: sum((p) => p.pnl), m2m: sum((p) => p.m2m), realised: sum((p) => p.realised), unrealised: sum((p) => p.unrealised) };
}

/** A Kite number as a 2-decimal rupee string for formatInr. */
export function rupees(n: number): string {
  return d(n).toFixed(2);
}
