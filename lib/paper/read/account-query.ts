import { z } from 'zod';

/** `?account_id=` picks a closed account to view; absent means the active one. */
export const accountQuery = z.object({ account_id: z.uuid('account_id must be an account id.').optional() });

export const orderIdSchema = z.uuid();
