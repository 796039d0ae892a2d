/**
 * Formats a rupee amount given as a decimal string with Indian digit grouping (₹1,00,000.00).
 * Works on the string, so no amount ever passes through a binary float.
 */
export function formatInr(amount: string, { sign = false }: { sign?: boolean } = {}): string {
  const match = /^([+-])?(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) return amount;
  const [, signChar, whole = '0', fraction = ''] = match;
  const paise = `${fraction}00`.slice(0, 2);
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
