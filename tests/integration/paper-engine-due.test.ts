import { beforeAll, describe, expect, it } from 'vitest';
import { seedBundledInstruments } from '@/lib/instruments/seed-bundled';
import { accountsDue } from '@/lib/paper/engine/run-engine-pass';
import { placeOrderSchema } from '@/lib/paper/orders/order-input';
import { placePaperOrder } from '@/lib/paper/orders/place-order';
import { createTestUser } from '../support/users';

beforeAll(async () => {
  await seedBundledInstruments();
});

// Friday 20 Nov 2026 is a trading day; times are IST (UTC+05:30).
const at = (ist: string) => new Date(`${ist}+05:30`);

describe('which accounts an engine pass visits', () => {
  it('an open MIS position waits for its square-off time or the next day, not every pass', async () => {
    const user = await createTestUser();
    const input = placeOrderSchema.parse({ exchange: 'NSE', tradingsymbol: 'INFY', transaction_type: 'BUY', order_type: 'MARKET', product: 'MIS', quantity: 1 });
    const { order } = await placePaperOrder({ userId: user.id, input, now: at('2026-11-20T10:00:00') });
    expect(order.status).toBe('COMPLETE');

    expect(await accountsDue(at('2026-11-20T11:00:00'))).not.toContain(user.id);
    expect(await accountsDue(at('2026-11-20T15:19:59'))).not.toContain(user.id);
    expect(await accountsDue(at('2026-11-20T15:20:00'))).toContain(user.id);
    // Carried over (a missed square-off): the next day's first pass squares it off.
    expect(await accountsDue(at('2026-11-21T09:00:00'))).toContain(user.id);
  });

  it('an open order is visited on every pass', async () => {
    const user = await createTestUser();
    const input = placeOrderSchema.parse({ exchange: 'NSE', tradingsymbol: 'INFY', transaction_type: 'BUY', order_type: 'LIMIT', product: 'MIS', quantity: 1, price: 1 });
    const { order } = await placePaperOrder({ userId: user.id, input, now: at('2026-11-20T10:00:00') });
    expect(order.status).toBe('OPEN');
    expect(await accountsDue(at('2026-11-20T10:00:02'))).toContain(user.id);
  });
});
