import { describe, expect, it } from 'vitest';
import { dayPath, pathRange } from './price-path';

function scan(path: Int32Array, index: number) {
  let high = path[0] ?? 0;
  let low = high;
  for (let i = 1; i <= Math.min(index, path.length - 1); i += 1) {
    high = Math.max(high, path[i] ?? 0);
    low = Math.min(low, path[i] ?? 0);
  }
  return { open: path[0], high, low };
}

describe('pathRange', () => {
  it('matches a full scan whether queries move forward, jump back or repeat', () => {
    const path = dayPath({ streamHash: 12345, anchorTicks: 150_000, session: '24h', day: 20_000 });
    const indices = [0, 10, 10, 5_000, 4_999, 86_399, 90_000, 1, 60_000, 60_001, 30_000];
    for (const index of indices) expect(pathRange(path, index)).toEqual(scan(path, index));
  });
});
