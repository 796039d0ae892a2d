import { notFound } from '@/lib/errors';
import { withUser } from '@/lib/http/route';
import { cancelPaperOrder, modifyPaperOrder } from '@/lib/paper/orders/change-order';
import { modifyOrderSchema } from '@/lib/paper/orders/order-input';
import { serializeOrder } from '@/lib/paper/orders/serialize-order';
import { orderIdSchema } from '@/lib/paper/read/account-query';
import { getOrder } from '@/lib/paper/read/read-paper';

function orderId(params: Record<string, string | string[]>): string {
  const parsed = orderIdSchema.safeParse(params.id);
  if (!parsed.success) throw notFound('Order');
  return parsed.data;
}

export const GET = withUser({}, async ({ user, params }) => ({ data: { order: await getOrder({ userId: user.id, orderId: orderId(params) }) } }));

export const PATCH = withUser({ body: modifyOrderSchema }, async ({ user, params, body }) => {
  const order = await modifyPaperOrder({ userId: user.id, orderId: orderId(params), input: body });
  return { data: { order: serializeOrder(order) } };
});

export const DELETE = withUser({}, async ({ user, params }) => {
  const order = await cancelPaperOrder({ userId: user.id, orderId: orderId(params) });
  return { data: { order: serializeOrder(order) } };
});
