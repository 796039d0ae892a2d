import { hashInts, unitInterval } from './hash';
import { sessionShape, type SimulatedSession } from './session-clock';

// The walk runs on whole ticks, so every simulated price is exactly on the tick and money never
// goes through floating point; floats only size the random steps.
const DAILY_VOLATILITY = 0.012;
// Pull back towards the day's anchor with a half-life of about an hour of session time.
const MEAN_REVERSION_PER_SECOND = 0.6931471805599453 / 3600;
const DAY_ANCHOR_RANGE = 0.015;
const OPENING_GAP_RANGE = 0.004;
// Hard ceiling on the move from the day's anchor, like a circuit band: at most ~5.5% from base.
const MAX_MOVE_FROM_ANCHOR = 0.04;
const SQRT_3 = 1.7320508075688772;
const CACHE_LIMIT = 32;

export type PathKey = { streamHash: number; anchorTicks: number; session: SimulatedSession; day: number };

const cache = new Map<string, Int32Array>();

/** Forgets memoised day paths (results do not depend on it; tests use it to prove that). */
export function clearPathCache(): void {
  cache.clear();
}

function symmetric(hash: number, range: number): number {
  return (unitInterval(hash) * 2 - 1) * range;
}

function generateDay(key: PathKey): Int32Array {
  const { streamHash, anchorTicks, day } = key;
  const { lastIndex } = sessionShape(key.session);
  const dayAnchor = Math.max(1, anchorTicks + Math.round(anchorTicks * symmetric(hashInts(streamHash, day, 1), DAY_ANCHOR_RANGE)));
  const lowest = Math.max(1, Math.ceil(dayAnchor * (1 - MAX_MOVE_FROM_ANCHOR)));
  const highest = Math.floor(dayAnchor * (1 + MAX_MOVE_FROM_ANCHOR));
  const sigma = (anchorTicks * DAILY_VOLATILITY) / Math.sqrt(lastIndex);

  const path = new Int32Array(lastIndex + 1);
  let ticks = dayAnchor + Math.round(dayAnchor * symmetric(hashInts(streamHash, day, 2), OPENING_GAP_RANGE));
  ticks = Math.min(highest, Math.max(lowest, ticks));
  path[0] = ticks;
  for (let i = 1; i <= lastIndex; i += 1) {
    const h = hashInts(streamHash, day, 3, i);
    // Irwin–Hall(4) rescaled: close enough to a unit normal, and needs no log/exp.
    let sum = 0;
    for (let k = 0; k < 4; k += 1) sum += unitInterval(hashInts(h, k));
    const z = (sum - 2) * SQRT_3;
    const drift = -MEAN_REVERSION_PER_SECOND * (ticks - dayAnchor);
    // Stochastic rounding keeps sub-tick drift and volatility on average, even for cheap contracts.
    const step = Math.floor(sigma * z + drift + unitInterval(hashInts(h, 4)));
    ticks = Math.min(highest, Math.max(lowest, ticks + step));
    path[i] = ticks;
  }
  return path;
}

/** LTP in ticks for each second of one simulated session day (memoised; treat as read-only). */
export function dayPath(key: PathKey): Int32Array {
  const id = `${key.streamHash}|${key.anchorTicks}|${key.session}|${key.day}`;
  const hit = cache.get(id);
  if (hit !== undefined) {
    cache.delete(id);
    cache.set(id, hit);
    return hit;
  }
  const path = generateDay(key);
  cache.set(id, path);
  if (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  return path;
}

// Quotes mostly move forward in time, so the range scanned for the last quote of a path is kept
// and only the seconds since then are scanned (a full 24-hour day is 86,400 points per quote otherwise).
const lastRange = new WeakMap<Int32Array, { index: number; high: number; low: number }>();

/** Open, high and low (in ticks) of a day's path up to and including `index`. */
export function pathRange(path: Int32Array, index: number): { open: number; high: number; low: number } {
  const open = path[0] ?? 0;
  const end = Math.min(index, path.length - 1);
  const known = lastRange.get(path);
  let high = open;
  let low = open;
  let from = 1;
  if (known !== undefined && known.index <= end) {
    ({ high, low } = known);
    from = known.index + 1;
  }
  for (let i = from; i <= end; i += 1) {
    const value = path[i] ?? open;
    if (value > high) high = value;
    if (value < low) low = value;
  }
  lastRange.set(path, { index: Math.max(end, 0), high, low });
  return { open, high, low };
}
