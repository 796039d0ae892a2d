import { AppError } from '@/lib/errors';
import { withUser } from '@/lib/http/route';
import { processAccount } from '@/lib/paper/engine/process-account';
import { placeOrderSchema } from '@/lib/paper/orders/order-input';
import { placePaperOrder } from '@/lib/paper/orders/place-order';
import { serializeOrder } from '@/lib/paper/orders/serialize-order';
import { accountQuery } from '@/lib/paper/read/account-query';
import { listOrders } from '@/lib/paper/read/read-paper';

export const GET = withUser({ query: accountQuery }, async ({ user, query }) => {
  // Loading the order book also moves the user's open orders on, so fills show without waiting for the loop.
  if (!query.account_id) await processAccount({ userId: user.id });
  return { data: { orders: await listOrders({ userId: user.id, accountId: query.account_id }) } };
});

export const POST = withUser({ body: placeOrderSchema }, async ({ user, body, request }) => {
  const key = request.headers.get('idempotency-key')?.trim();
  if (key !== undefined && (key.length === 0 || key.length > 200)) {
    throw new AppError('validation_failed', 'Idempotency-Key must be 1 to 200 characters.');
  }
  const { order, replayed } = await placePaperOrder({ userId: user.id, input: body, idempotencyKey: key });
  return { status: replayed ? 200 : 201, data: { order: serializeOrder(order), replayed } };
});
