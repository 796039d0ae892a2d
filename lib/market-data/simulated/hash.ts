// Integer-only hashing (Math.imul, shifts) so every JS engine produces the same numbers; the
// simulated feed's reproducibility rests on this.

/** Chris Wellons' lowbias32 finaliser: a well-mixed 32-bit permutation. */
export function mix32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** FNV-1a over UTF-16 code units, then mixed. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** Combines integers (negative ones included) into one 32-bit hash; order matters. */
export function hashInts(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) h = mix32(h ^ mix32(part | 0) ^ Math.floor(part / 0x100000000));
  return h;
}

/** A hash as a number in [0, 1). */
export function unitInterval(hash: number): number {
  return (hash >>> 0) / 0x100000000;
}
