import { describe, expect, it } from 'vitest';
import { planLegs, readPlan } from '@/lib/paper/orders/plan-legs';

function plan(params: Record<string, string | undefined>) {
  const read = readPlan(params);
  if (!read) throw new Error('no plan in these parameters');
  return read;
}

const longPlan = { exchange: 'NSE', tradingsymbol: 'INFY', transaction_type: 'BUY', order_type: 'LIMIT', price: '1872.4', quantity: '1', product: 'CNC', plan_stop: '1851.9', plan_target: '1898.75' };

describe('plan legs', () => {
  it('turns a long plan into an entry LIMIT BUY, a SELL SL stop and a SELL LIMIT target', () => {
    const legs = planLegs(plan(longPlan));
    expect(legs.map((leg) => [leg.role, leg.params.transaction_type, leg.params.order_type, leg.params.price, leg.params.trigger_price])).toEqual([
      ['entry', 'BUY', 'LIMIT', '1872.4', undefined],
      ['stop', 'SELL', 'SL', '1851.9', '1851.9'],
      ['target', 'SELL', 'LIMIT', '1898.75', undefined],
    ]);
  });

  it('keeps the plan in every leg, so switching legs does not lose it', () => {
    const stop = planLegs(plan(longPlan)).find((leg) => leg.role === 'stop');
    expect(stop && readPlan(stop.params)).toEqual(plan(longPlan));
  });

  it('reverses the exits of a short plan', () => {
    const legs = planLegs(plan({ ...longPlan, transaction_type: 'SELL', product: 'MIS', plan_stop: '1890', plan_target: '1850' }));
    expect(legs.map((leg) => leg.params.transaction_type)).toEqual(['SELL', 'BUY', 'BUY']);
  });

  it('is absent without a stop or target, and ignores malformed prices', () => {
    expect(readPlan({ ...longPlan, plan_stop: undefined, plan_target: undefined })).toBeNull();
    expect(planLegs(plan({ ...longPlan, plan_stop: 'abc' })).map((leg) => leg.role)).toEqual(['entry', 'target']);
  });
});
