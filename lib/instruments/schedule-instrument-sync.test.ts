import { describe, expect, it } from 'vitest';
import { nextSyncAt } from './schedule-instrument-sync';

describe('nextSyncAt', () => {
  it('is the next 08:30 IST (03:00 UTC)', () => {
    expect(nextSyncAt(new Date('2026-11-22T01:00:00Z')).toISOString()).toBe('2026-11-22T03:00:00.000Z');
    expect(nextSyncAt(new Date('2026-11-22T03:00:00Z')).toISOString()).toBe('2026-11-23T03:00:00.000Z');
    expect(nextSyncAt(new Date('2026-11-22T20:00:00Z')).toISOString()).toBe('2026-11-23T03:00:00.000Z');
  });
});
