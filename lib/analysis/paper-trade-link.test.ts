import { describe, expect, it } from 'vitest';
import { CANNED_CHART_ANALYSIS } from '@/tests/fakes/anthropic-server/canned-answers';
import { paperTradeLink } from './paper-trade-link';
import { ChartAnalysisSchema } from './schemas/chart-analysis';

const parsed = ChartAnalysisSchema.parse(CANNED_CHART_ANALYSIS);

describe('paperTradeLink', () => {
  it('turns a long plan into a LIMIT BUY ticket at the entry', () => {
    const link = paperTradeLink(parsed);
    expect(link?.href).toBe('/paper?exchange=NSE&tradingsymbol=INFY&transaction_type=BUY&order_type=LIMIT&price=1872.4&quantity=1&product=CNC&plan_stop=1851.9&plan_target=1898.75');
    expect(link).toMatchObject({ side: 'BUY', stop: '1851.9', targets: ['1898.75', '1925'] });
  });

  it('sells for a short plan and gives nothing without a plan or an instrument', () => {
    const short = { ...parsed, trade_plan: { ...parsed.trade_plan, direction: 'short' as const } };
    expect(paperTradeLink(short)?.side).toBe('SELL');
    expect(paperTradeLink(short)?.href).toContain('transaction_type=SELL&order_type=LIMIT&price=1872.4&quantity=1&product=MIS');
    expect(paperTradeLink({ ...parsed, instrument: null })).toBeNull();
    const none = { ...parsed, trade_plan: { ...parsed.trade_plan, direction: 'none' as const, entry: null, stop: null, targets: [] } };
    expect(paperTradeLink(none)).toBeNull();
  });
});
