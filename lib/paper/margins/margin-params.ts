// Parameters of the margin ESTIMATE used when Kite's /margins/orders and /margins/basket are
// unavailable (no live token). They are our own conservative choices, not exchange figures:
// real SPAN margins move daily with volatility and are lower for out-of-the-money and hedged
// positions. Prefer Kite's numbers whenever the user's token is live.

/**
 * Intraday equity leverage. SEBI's peak-margin rules require at least 20% upfront for intraday
 * equity (VaR + ELM), so 5x is the most any stock gets; many get less, hence the per-instrument
 * override.
 */
export const DEFAULT_MIS_LEVERAGE = 5;
export const MAX_MIS_LEVERAGE = 5;

export type UnderlyingType = 'INDEX' | 'STOCK';

export type SpanLikeRates = {
  /** Stand-in for SPAN, in percent of the contract value (futures) or underlying value (options). */
  spanPct: string;
  /** Exposure (extreme-loss) margin, percent of the same value. */
  exposurePct: string;
  /** Lowest SPAN-like charge on a short option however far out of the money, percent. */
  shortOptionFloorPct: string;
};

// Index ≈ 12% and stock ≈ 20% of contract value in total; the exposure parts follow the
// exchanges' usual extreme-loss margins (2% index, 3.5% stock).
export const SPAN_LIKE_RATES: Readonly<Record<UnderlyingType, SpanLikeRates>> = {
  INDEX: { spanPct: '10', exposurePct: '2', shortOptionFloorPct: '5' },
  STOCK: { spanPct: '16.5', exposurePct: '3.5', shortOptionFloorPct: '7.5' },
};
