import { describe, expect, it } from 'vitest';
import { CANNED_BROKER_EXTRACTION } from '@/tests/fakes/anthropic-server/canned-answers';
import { parseToolOutput } from './analysis-tools';
import { BrokerExtractionSchema } from './broker-extraction';

describe('BrokerExtractionSchema', () => {
  it('accepts a trade book answer with Kite field values and decimal-string prices', () => {
    const data = BrokerExtractionSchema.parse(CANNED_BROKER_EXTRACTION);
    expect(data.trades[1]).toEqual({
      tradingsymbol: 'NIFTY26NOV24000CE',
      exchange: 'NFO',
      transaction_type: 'SELL',
      quantity: 75,
      price: '112.35',
      trade_time: '10:05:41',
      product: 'NRML',
      order_type: 'MARKET',
    });
  });

  it('normalises the symbol and allows the optional fields to be absent', () => {
    const data = BrokerExtractionSchema.parse({
      screenshot_kind: 'order_book',
      trades: [{ tradingsymbol: ' infy ', exchange: 'NSE', transaction_type: 'BUY', quantity: 1, price: 1500 }],
      warnings: [],
    });
    expect(data.trades[0]).toEqual({
      tradingsymbol: 'INFY',
      exchange: 'NSE',
      transaction_type: 'BUY',
      quantity: 1,
      price: '1500',
    });
  });

  it('rejects fractional quantities, unknown exchanges and Kite values it does not know', () => {
    const trade = CANNED_BROKER_EXTRACTION.trades[0];
    const result = parseToolOutput('broker', {
      ...CANNED_BROKER_EXTRACTION,
      trades: [{ ...trade, quantity: 1.5, exchange: 'NASDAQ', product: 'BO' }],
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues.map((line) => line.split(':')[0])).toEqual([
      'trades[0].exchange',
      'trades[0].quantity',
      'trades[0].product',
    ]);
  });
});
