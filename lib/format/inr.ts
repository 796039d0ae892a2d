import { Decimal } from 'decimal.js';

/**
 * Formats a rupee amount given as a decimal string with Indian digit grouping (₹1,00,000.00),
 * rounded half-up to the paisa in decimal arithmetic, so no amount passes through a binary float.
 */
export function formatInr(amount: string, { sign = false }: { sign?: boolean } = {}): string {
  if (!/^[+-]?\d+(\.\d+)?$/.test(amount.trim())) return amount;
  const rounded = new Decimal(amount.trim()).toFixed(2, Decimal.ROUND_HALF_UP);
  const match = /^(-)?(\d+)\.(\d{2})$/.exec(rounded);
  if (!match) return amount;
  const [, signChar, whole = '0', paise = '00'] = match;
  const negative = signChar === '-' && /[1-9]/.test(whole + paise);
  const prefix = negative ? '−' : sign && /[1-9]/.test(whole + paise) ? '+' : '';
  return `${prefix}₹${groupIndian(whole.replace(/^0+(?=\d)/, ''))}.${paise}`;
}

function groupIndian(digits: string): string {
  if (digits.length <= 3) return digits;
  const last3 = digits.slice(-3);
  const rest = digits.slice(0, -3);
  return `${rest.replace(/\B(?=(\d{2})+(?!\d))/g, ',')},${last3}`;
}
