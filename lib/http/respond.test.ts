import { describe, expect, it } from 'vitest';
import { json } from './respond';

describe('json responses', () => {
  it('asks small bodies not to be compressed', async () => {
    const response = json({ cash: '₹1,00,000.00' }, { status: 201 });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ cash: '₹1,00,000.00' });
    expect(response.headers.get('cache-control')).toBe('no-store, no-transform');
    expect(response.headers.get('content-type')).toBe('application/json');
  });

  it('leaves large bodies to compression, still never cached; the size is counted in bytes', () => {
    const response = json({ rows: Array.from({ length: 400 }, (_, i) => ({ i, symbol: 'RELIANCE' })) });
    expect(response.headers.get('cache-control')).toBe('no-store');
    // 1,400 rupee signs: 1,400 characters but 4,200 bytes.
    expect(json({ s: '₹'.repeat(1400) }).headers.get('cache-control')).toBe('no-store');
    expect(json({ s: 'R'.repeat(1400) }).headers.get('cache-control')).toBe('no-store, no-transform');
  });

  it('lets a caller add headers', () => {
    expect(json({}, { headers: { 'retry-after': '5' } }).headers.get('retry-after')).toBe('5');
  });
});

