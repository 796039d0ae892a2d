import type { PaperOrder as FillOrder, OrderStatus } from '@/lib/paper/fills/order';
import type { PaperOrder as OrderRow, PaperOrderStatus } from '@/prisma/generated/client';

export type { OrderRow };

export const toDbStatus = (status: OrderStatus): PaperOrderStatus => (status === 'TRIGGER PENDING' ? 'TRIGGER_PENDING' : status);
export const toKiteStatus = (status: PaperOrderStatus): OrderStatus => (status === 'TRIGGER_PENDING' ? 'TRIGGER PENDING' : status);
export const LIVE_STATUSES: PaperOrderStatus[] = ['OPEN', 'TRIGGER_PENDING'];

const opt = (value: { toString(): string } | null) => (value === null ? undefined : value.toString());

/** The stored order in the shape the fill rules take. */
export function toFillOrder(row: OrderRow, tickSize: string, instrumentType: FillOrder['instrumentType']): FillOrder {
  const status = toKiteStatus(row.status);
  const order: FillOrder = {
    transactionType: row.transactionType as FillOrder['transactionType'],
    orderType: row.orderType as FillOrder['orderType'],
    quantity: row.quantity,
    filledQuantity: row.filledQuantity,
    validity: row.validity as FillOrder['validity'],
    tickSize,
    status: status === 'TRIGGER PENDING' ? 'TRIGGER PENDING' : 'OPEN',
    resting: row.resting,
    ...(instrumentType !== undefined && { instrumentType }),
  };
  const price = opt(row.price);
  const trigger = opt(row.triggerPrice);
  const protection = opt(row.protectionPrice);
  if (price !== undefined) order.price = price;
  if (trigger !== undefined) order.triggerPrice = trigger;
  if (protection !== undefined) order.protectionPrice = protection;
  if (row.marketProtection !== null) order.marketProtection = Number(row.marketProtection.toString());
  return order;
}
