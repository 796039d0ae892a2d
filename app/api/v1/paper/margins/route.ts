import { withUser } from '@/lib/http/route';
import { placeOrderSchema } from '@/lib/paper/orders/order-input';
import { previewOrder } from '@/lib/paper/orders/preview-order';

/** Required margin and estimated charges for an order before it is placed (the order ticket shows them). */
export const POST = withUser({ body: placeOrderSchema }, async ({ user, body }) => ({ data: await previewOrder({ userId: user.id, input: body }) }));
