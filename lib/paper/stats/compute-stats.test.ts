import { describe, expect, it } from 'vitest';
import { computeStats, type StatsFill } from './compute-stats';

const at = (minutes: number, day = 20) => new Date(Date.UTC(2026, 10, day, 4, minutes));
const fill = (transactionType: 'BUY' | 'SELL', quantity: number, price: string, when: Date, chargesTotal = '10.00'): StatsFill => ({
  exchange: 'NSE', tradingsymbol: 'INFY', product: 'MIS', transactionType, quantity, price, chargesTotal, filledAt: when,
});

describe('computeStats', () => {
  it('is empty but well-formed without fills', () => {
    const stats = computeStats([], '100000');
    expect(stats).toMatchObject({ gross_pnl: '0.00', net_pnl: '0.00', closed_trades: 0, win_rate: null, profit_factor: null, daily_sharpe: null });
    expect(stats.equity_curve).toHaveLength(1);
  });

  it('one win and one loss: gross, charges, win rate, profit factor, expectancy, drawdown', () => {
    const stats = computeStats(
      [fill('BUY', 10, '100', at(0)), fill('SELL', 10, '110', at(1)), fill('SELL', 5, '200', at(2, 21)), fill('BUY', 5, '220', at(3, 21))],
      '100000',
    );
    expect(stats).toMatchObject({
      gross_pnl: '0.00', // +100 then −100
      total_charges: '40.00',
      net_pnl: '-40.00',
      closed_trades: 2,
      win_rate: '50.0',
      average_win: '100.00',
      average_loss: '-100.00',
      profit_factor: '1.00',
      expectancy: '0.00',
    });
    // Peak 100,080 after the win; trough 99,960 at the end.
    expect(stats.max_drawdown).toBe('120.00');
    expect(stats.equity_curve.at(-1)?.equity).toBe('99960.00');
    expect(stats.daily_sharpe).not.toBeNull();
  });

  it('averages a scaled-in position before closing', () => {
    const stats = computeStats([fill('BUY', 1, '100', at(0), '0'), fill('BUY', 1, '200', at(1), '0'), fill('SELL', 2, '160', at(2), '0')], '0');
    expect(stats.gross_pnl).toBe('20.00');
  });
});

describe('computeStats with a period', () => {
  it('counts only trades closed inside it, using the earlier cost basis', () => {
    const fills = [fill('BUY', 10, '100', at(0, 19)), fill('SELL', 10, '110', at(0, 21))];
    expect(computeStats(fills, '0', new Date(Date.UTC(2026, 10, 20))).gross_pnl).toBe('100.00');
    expect(computeStats(fills, '0', new Date(Date.UTC(2026, 10, 22))).closed_trades).toBe(0);
  });
});
