import type { BrokerExtractionInput } from '@/lib/analysis/schemas/broker-extraction';
import type { ChartAnalysisInput } from '@/lib/analysis/schemas/chart-analysis';

// Realistic tool inputs, typed against the zod input types so a schema change that breaks them
// fails type-checking before any test runs.

export const CANNED_CHART_ANALYSIS: ChartAnalysisInput = {
  instrument: 'INFY',
  exchange: 'NSE',
  timeframe: '15m',
  trend: { direction: 'up', strength: 'moderate' },
  key_levels: [
    { kind: 'support', price: 1842.5, note: 'Prior swing low, defended twice this week' },
    { kind: 'support', price: 1851.9, note: 'Rising trendline from Monday' },
    { kind: 'resistance', price: 1898.75, note: 'Flat top of the triangle, three rejections' },
  ],
  patterns: [{ name: 'Ascending triangle', confidence: 0.62, note: 'Higher lows into flat resistance near 1898' }],
  indicators: [
    { name: 'RSI(14)', reading: '58 and rising, no divergence' },
    { name: 'VWAP', reading: 'Price has held above VWAP since 10:15' },
  ],
  trade_plan: {
    direction: 'long',
    entry: 1872.4,
    stop: 1851.9,
    targets: [1898.75, 1925],
    risk_reward: 1.29,
    invalidation: 'A 15-minute close below 1851.90 breaks the trendline',
  },
  confidence: 0.64,
  reasoning:
    'Higher lows against a flat 1898 ceiling with RSI above 50 favour an upside break; the plan buys ' +
    'the pullback to the middle of the range with the stop under the trendline.',
};

export const CANNED_BROKER_EXTRACTION: BrokerExtractionInput = {
  screenshot_kind: 'trade_book',
  trades: [
    {
      tradingsymbol: 'INFY',
      exchange: 'NSE',
      transaction_type: 'BUY',
      quantity: 10,
      price: 1872.4,
      trade_time: '2026-11-20T09:32:14+05:30',
      product: 'MIS',
      order_type: 'LIMIT',
    },
    {
      tradingsymbol: 'NIFTY26NOV24000CE',
      exchange: 'NFO',
      transaction_type: 'SELL',
      quantity: 75,
      price: 112.35,
      trade_time: '10:05:41',
      product: 'NRML',
      order_type: 'MARKET',
    },
  ],
  warnings: ['One cancelled order was skipped.'],
};
