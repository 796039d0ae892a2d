import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { importInstrumentsCsv, InstrumentSyncError, syncKiteInstruments } from '@/lib/instruments/sync-kite-instruments';
import { searchInstruments } from '@/lib/instruments/search-instruments';
import { type FakeKite, startFakeKite } from '@/tests/fakes/kite-server';

let kite: FakeKite;
beforeAll(async () => {
  kite = await startFakeKite();
});
afterAll(async () => {
  await kite.close();
});

describe('instrument master sync from Kite', () => {
  it('imports the /instruments CSV in bulk, idempotently', async () => {
    const first = await syncKiteInstruments({ root: kite.url });
    expect(first.rows).toBeGreaterThan(50);
    expect(first.badRowCount).toBe(0);
    expect(await db().instrument.count({ where: { source: { in: ['kite', 'bundled'] } } })).toBeGreaterThanOrEqual(first.rows);
    const again = await syncKiteInstruments({ root: kite.url });
    expect(again).toMatchObject({ rows: first.rows, upserted: 0 });
  });

  it('fails clearly, storing nothing, on an error page, a bad header or no answer', async () => {
    kite.control.failNext({ path: '/instruments', status: 502, errorType: null, count: 1 });
    await expect(syncKiteInstruments({ root: kite.url })).rejects.toThrow(InstrumentSyncError);
    kite.control.malformed({ path: '/instruments', kind: 'html', count: 1 });
    await expect(syncKiteInstruments({ root: kite.url })).rejects.toThrow(/did not send a CSV/);
    await expect(importInstrumentsCsv({ source: 'not,a,kite,header\n1,2,3,4\n', label: 'kite' })).rejects.toThrow(InstrumentSyncError);
    await expect(syncKiteInstruments({ root: 'http://127.0.0.1:9' })).rejects.toThrow(InstrumentSyncError);
  });
});

describe('instrument search', () => {
  it('ranks exact and prefix matches first and keeps Kite field names', async () => {
    await syncKiteInstruments({ root: kite.url });
    const [infy] = await searchInstruments({ q: 'infy' });
    expect(infy).toMatchObject({ exchange: 'NSE', tradingsymbol: 'INFY', instrument_type: 'EQ', lot_size: 1, instrument_token: 408065 });
    expect(typeof infy?.tick_size).toBe('number');
    expect((await searchInstruments({ q: 'BSE:INFY' }))[0]?.exchange).toBe('BSE');
    expect((await searchInstruments({ q: 'reliance industries' })).map((i) => i.tradingsymbol)).toContain('RELIANCE');
  });

  it('finds typos, ignores LIKE wildcards and answers quickly', async () => {
    expect((await searchInstruments({ q: 'RELAINCE' })).map((i) => i.tradingsymbol)).toContain('RELIANCE');
    expect(await searchInstruments({ q: '%' })).toEqual([]);
    expect(await searchInstruments({ q: '_' })).toEqual([]);
    const started = performance.now();
    await searchInstruments({ q: 'NIFTY' });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('leaves out expired contracts', async () => {
    const far = new Date('2099-01-01T00:00:00Z');
    const results = await searchInstruments({ q: 'NIFTY', now: far, limit: 50 });
    expect(results.every((i) => i.expiry === null)).toBe(true);
  });
});
