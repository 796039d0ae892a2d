import { describe, expect, it } from 'vitest';
import { orderTime } from '@/app/(app)/paper/format';

describe('orderTime', () => {
  const now = new Date('2026-11-22T19:00:00Z'); // 00:30 IST on 23 Nov

  it('shows only the IST clock for an order of the same IST day, whatever the server timezone', () => {
    expect(orderTime('2026-11-22T18:40:05Z', now)).toBe('00:10:05');
  });

  it('adds the date for an order of an earlier IST day, even one of the same UTC day', () => {
    expect(orderTime('2026-11-22T18:20:00Z', now)).toMatch(/^22 Nov/);
  });
});
