import type { Evaluation, PaperOrder } from './order';

export type NextOrderState =
  | { live: true; order: PaperOrder }
  | { live: false; status: 'COMPLETE' | 'CANCELLED' | 'REJECTED'; filledQuantity: number };

/**
 * Folds an evaluation into the order, giving exactly the fields to persist before the next quote:
 * filled quantity, status, protection price and the resting flag.
 */
export function applyEvaluation(order: PaperOrder, evaluation: Evaluation): NextOrderState {
  const filledQuantity = order.filledQuantity + evaluation.fills.reduce((total, fill) => total + fill.quantity, 0);
  const status = evaluation.newStatus;
  if (status === 'COMPLETE' || status === 'CANCELLED' || status === 'REJECTED') {
    return { live: false, status, filledQuantity };
  }
  const next: PaperOrder = { ...order, filledQuantity, status };
  if (evaluation.protectionPrice !== undefined) next.protectionPrice = evaluation.protectionPrice;
  if (evaluation.resting !== undefined) next.resting = evaluation.resting;
  return { live: true, order: next };
}
