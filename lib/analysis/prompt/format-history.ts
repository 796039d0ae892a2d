import { z } from 'zod';

export const MAX_HISTORY_TRADES = 50;
export const MAX_HISTORY_POSITIONS = 30;

const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal string such as "1872.40"');

export const HistoryTradeSchema = z.object({
  tradedAt: z.date(),
  tradingsymbol: z.string().min(1),
  exchange: z.string().min(1),
  transactionType: z.enum(['BUY', 'SELL']),
  quantity: z.number().int().positive(),
  price: decimalString,
  product: z.string().nullish(),
});

export const HistoryPositionSchema = z.object({
  tradingsymbol: z.string().min(1),
  exchange: z.string().min(1),
  quantity: z.number().int(),
  averagePrice: decimalString,
  pnl: decimalString.nullish(),
});

export const TraderHistorySchema = z.object({
  trades: z.array(HistoryTradeSchema),
  positions: z.array(HistoryPositionSchema),
});

export type HistoryTrade = z.infer<typeof HistoryTradeSchema>;
export type HistoryPosition = z.infer<typeof HistoryPositionSchema>;
export type TraderHistory = z.infer<typeof TraderHistorySchema>;

const IST = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Kolkata',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function istMinute(date: Date): string {
  const parts = new Map(IST.formatToParts(date).map((p) => [p.type, p.value]));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.get(type) ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

// Cells come from our own database, but a symbol is free text in a journal entry: keep the
// table one row per line and the closing tag unforgeable.
function cell(value: string): string {
  return value.replace(/[|\r\n<>]/g, ' ').trim();
}

function signed(value: string): string {
  return value.startsWith('-') ? value : `+${value}`;
}

/**
 * The trader's history as a compact pipe table (about 10 tokens a row), newest trades first,
 * capped so one prolific trader cannot crowd out the images.
 */
export function formatHistory(history: TraderHistory): string {
  const { trades, positions } = TraderHistorySchema.parse(history);
  const recent = [...trades]
    .sort((a, b) => b.tradedAt.getTime() - a.tradedAt.getTime())
    .slice(0, MAX_HISTORY_TRADES);
  const open = positions.slice(0, MAX_HISTORY_POSITIONS);
  const lines = [`Recent trades, newest first (${recent.length} of ${trades.length}), times IST:`];
  if (recent.length === 0) lines.push('(none)');
  else {
    lines.push('time | symbol | exchange | side | qty | price | product');
    for (const t of recent) {
      const row = [istMinute(t.tradedAt), cell(t.tradingsymbol), cell(t.exchange), t.transactionType];
      lines.push([...row, String(t.quantity), t.price, cell(t.product ?? '-')].join(' | '));
    }
  }
  lines.push(`Open positions (${open.length} of ${positions.length}):`);
  if (open.length === 0) lines.push('(none)');
  else {
    lines.push('symbol | exchange | qty | avg price | P&L');
    for (const p of open) {
      const row = [cell(p.tradingsymbol), cell(p.exchange), String(p.quantity), p.averagePrice];
      lines.push([...row, p.pnl ? signed(p.pnl) : '-'].join(' | '));
    }
  }
  return lines.join('\n');
}
