const IST_OFFSET = '+05:30';

/**
 * The fill time of an extracted trade as an ISO instant. A screenshot usually shows only the time
 * of day ("09:32:14"); it is then taken as that time in India on the day of `fallbackDay`.
 * Returns null when the text is neither.
 */
export function resolveTradeTime(text: string | undefined, fallbackDay: Date): string | null {
  const value = text?.trim();
  if (!value) return null;
  const timeOnly = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (timeOnly) {
    const [, h = '0', m = '0', s = '00'] = timeOnly;
    if (Number(h) > 23 || Number(m) > 59 || Number(s) > 59) return null;
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata', year: 'numeric', month: '2-digit', day: '2-digit' }).format(fallbackDay);
    return new Date(`${day}T${h.padStart(2, '0')}:${m}:${s}${IST_OFFSET}`).toISOString();
  }
  const parsed = new Date(/[zZ]|[+-]\d{2}:?\d{2}$/.test(value) ? value : `${value}${IST_OFFSET}`);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString();
}
