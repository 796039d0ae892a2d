/**
 * Deterministic, plausible-looking equities for the synthetic instrument master. Names and symbols are
 * invented (word pairs); none of them is meant to match a real company.
 */
const FIRST = [
  'ADITYA', 'AMBER', 'APEX', 'ARYA', 'BHARAT', 'CAPITAL', 'CENTURY', 'COASTAL', 'DECCAN', 'DELTA',
  'EASTERN', 'GANGA', 'GLOBAL', 'GOLDEN', 'HIMALAYA', 'INDO', 'JAYA', 'KAVERI', 'KRISHNA', 'LAKSHMI',
  'MAHA', 'METRO', 'NATIONAL', 'NAVA', 'NORTHERN', 'OMEGA', 'PIONEER', 'PRIME', 'RAJ', 'SAGAR',
  'SHREE', 'SOUTHERN', 'STAR', 'SUN', 'SURYA', 'TRIVENI', 'UNITED', 'VIJAY', 'WESTERN', 'ZENITH',
] as const;
const SECOND = [
  'AGRO', 'AUTO', 'BANK', 'CABLES', 'CEMENT', 'CHEM', 'ENERGY', 'ENGG', 'FINANCE', 'FOODS',
  'GAS', 'HOTELS', 'INFRA', 'LIFE', 'LOGISTICS', 'METALS', 'MOTORS', 'PAPER', 'PHARMA', 'POLYMERS',
  'POWER', 'REALTY', 'SOFT', 'STEEL', 'SUGAR', 'TEXTILES', 'TUBES', 'TYRES', 'CERAMICS', 'FERTILIZER',
  'GLASS', 'MEDIA', 'MINERALS', 'PLASTICS', 'PORTS', 'SPINNING', 'TEA', 'TELECOM', 'TRADING', 'VENTURES',
] as const;

export type SyntheticEquity = { symbol: string; name: string; pricePaise: number };

/** mulberry32: tiny seeded PRNG, so the same seed always yields the same file. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` unique equities with prices spread log-uniformly from ₹20 to ₹20,000. */
export function syntheticEquities(count: number, rand: () => number): SyntheticEquity[] {
  const pairs: Array<[string, string]> = [];
  for (const a of FIRST) for (const b of SECOND) pairs.push([a, b]);
  for (let i = pairs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const tmp = pairs[i];
    const other = pairs[j];
    if (tmp && other) {
      pairs[i] = other;
      pairs[j] = tmp;
    }
  }
  const seen = new Set<string>();
  const out: SyntheticEquity[] = [];
  for (let round = 0; out.length < count; round++) {
    for (const [a, b] of pairs) {
      if (out.length >= count) break;
      const base = `${a.slice(0, 6)}${b.slice(0, 4)}${round === 0 ? '' : String(round)}`;
      let symbol = base;
      for (let k = 2; seen.has(symbol); k++) symbol = `${base}${k}`;
      seen.add(symbol);
      // A few real master names carry commas ("CO.,LTD"), which is what forces quoted CSV fields.
      const suffix = rand() < 0.03 ? 'CO., LTD' : 'LTD';
      const name = `${a} ${b}${round === 0 ? '' : ` ${round}`} ${suffix}`;
      const rupees = Math.exp(Math.log(20) + rand() * (Math.log(20_000) - Math.log(20)));
      out.push({ symbol, name, pricePaise: Math.round(rupees * 100) });
    }
  }
  return out;
}

/** NSE cash-market tick by price band, in paise: 1 below ₹250, else 5 (see data/README.md). */
export function equityTickPaise(pricePaise: number): number {
  return pricePaise < 25_000 ? 1 : 5;
}

/** Option strike interval for an underlying price, in paise. */
export function strikeStepPaise(pricePaise: number): number {
  const steps = [
    [10_000, 100],
    [25_000, 500],
    [50_000, 1_000],
    [100_000, 2_000],
    [250_000, 5_000],
    [500_000, 10_000],
  ] as const;
  for (const [below, step] of steps) if (pricePaise < below) return step;
  return 25_000;
}

/** Stock F&O lot so one lot is worth at least ₹15 lakh (SEBI's minimum contract value from Nov 2024). */
export function stockLotSize(pricePaise: number): number {
  const units = Math.ceil(150_000_000 / Math.max(1, pricePaise));
  return units <= 25 ? Math.max(1, units) : Math.ceil(units / 25) * 25;
}
