import type { z } from 'zod';
import type { KiteClient } from '@/lib/kite/client';
import { KiteHoldingsSchema, KiteMarginsSchema, KiteOrdersSchema, KitePositionsSchema, KiteTradesSchema } from '@/lib/kite/schemas';

export const PORTFOLIO_KINDS = ['holdings', 'positions', 'orders', 'trades', 'margins'] as const;
export type PortfolioKind = (typeof PORTFOLIO_KINDS)[number];

export const SNAPSHOT_KIND = {
  holdings: 'HOLDINGS',
  positions: 'POSITIONS',
  orders: 'ORDERS',
  trades: 'TRADES',
  margins: 'MARGINS',
} as const satisfies Record<PortfolioKind, string>;

type KindSpec = { schema: z.ZodType; fetch: (client: KiteClient) => Promise<unknown> };

export const KIND_SPECS: Record<PortfolioKind, KindSpec> = {
  holdings: { schema: KiteHoldingsSchema, fetch: (c) => c.getHoldings() },
  positions: { schema: KitePositionsSchema, fetch: (c) => c.getPositions() },
  orders: { schema: KiteOrdersSchema, fetch: (c) => c.getOrders() },
  trades: { schema: KiteTradesSchema, fetch: (c) => c.getTrades() },
  margins: { schema: KiteMarginsSchema, fetch: (c) => c.getMargins() },
};

export function isPortfolioKind(value: unknown): value is PortfolioKind {
  return typeof value === 'string' && (PORTFOLIO_KINDS as readonly string[]).includes(value);
}
