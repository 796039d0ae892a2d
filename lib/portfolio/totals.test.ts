import { describe, expect, it } from 'vitest';
import { holdingsTotals, positionsTotals, rupees } from './totals';

describe('portfolio totals', () => {
  it('sums holdings exactly, counting T1 quantity', () => {
    const totals = holdingsTotals([
      { quantity: 1, t1_quantity: 0, average_price: 161, last_price: 352.95, close_price: 352.35, pnl: 191.95 },
      { quantity: 10, t1_quantity: 6, average_price: 801.78125, last_price: 762.45, close_price: 766.4, pnl: -629.2999999999993 },
    ]);
    expect(totals).toEqual({
      invested: '12989.50',
      current: '12552.15',
      pnl: '-437.35',
      pnlPercent: '-3.37',
      dayChange: '-62.60',
      dayChangePercent: '-0.50',
    });
    expect(holdingsTotals([])).toMatchObject({ invested: '0.00', pnlPercent: '0.00' });
  });

  it('sums positions and formats Kite floats without drift', () => {
    expect(positionsTotals([{ pnl: 0.1, m2m: 0.2, realised: 0, unrealised: 0.1 }, { pnl: 0.2, m2m: 0.1, realised: 0.3, unrealised: 0.2 }])).toEqual({
      pnl: '0.30',
      m2m: '0.30',
      realised: '0.30',
      unrealised: '0.30',
    });
    expect(rupees(0.1 + 0.2)).toBe('0.30');
  });
});
