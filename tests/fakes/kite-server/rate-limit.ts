export type RateCategory = 'quote' | 'historical' | 'order' | 'other';

/** Requests per second per api_key, from Kite's docs (exceptions page, "API rate limit"). */
export const KITE_RATE_LIMITS: Readonly<Record<RateCategory, number>> = { quote: 1, historical: 3, order: 10, other: 10 };

export function rateCategory(method: string, pathname: string): RateCategory {
  if (pathname === '/quote' || pathname.startsWith('/quote/')) return 'quote';
  if (pathname.startsWith('/instruments/historical/')) return 'historical';
  if (pathname.startsWith('/orders/') && method !== 'GET') return 'order';
  return 'other';
}

/** Sliding one-second window on the fake clock; only admitted requests count. */
export class RateLimiter {
  readonly #hits = new Map<string, number[]>();

  constructor(
    public enabled: boolean,
    private readonly limits: Readonly<Record<RateCategory, number>> = KITE_RATE_LIMITS,
  ) {}

  admit(apiKey: string, category: RateCategory, nowMs: number): boolean {
    if (!this.enabled) return true;
    const key = `${apiKey}|${category}`;
    const recent = (this.#hits.get(key) ?? []).filter((at) => nowMs - at < 1000);
    if (recent.length >= this.limits[category]) {
      this.#hits.set(key, recent);
      return false;
    }
    recent.push(nowMs);
    this.#hits.set(key, recent);
    return true;
  }

  reset(): void {
    this.#hits.clear();
  }
}
