import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { loadBundledInstruments } from '@/lib/instruments/bundled';
import { findInstrument } from '@/lib/instruments/find-instrument';
import { importInstruments } from '@/lib/instruments/import-instruments';
import { seedBundledInstruments } from '@/lib/instruments/seed-bundled';

describe('instrument master', () => {
  it('seeds the bundled set once, and a re-import changes nothing', async () => {
    const bundled = await loadBundledInstruments();
    await seedBundledInstruments();
    expect(await db().instrument.count()).toBe(bundled.length);
    expect(await seedBundledInstruments()).toEqual({ seeded: 0 });
    expect(await importInstruments({ instruments: bundled, source: 'bundled' })).toEqual({ upserted: 0 });
  });

  it('finds an instrument with its tick and lot size as exact decimals', async () => {
    await seedBundledInstruments();
    const infy = await findInstrument({ exchange: 'NSE', tradingsymbol: 'INFY' });
    expect(infy).toMatchObject({ instrumentToken: 408065, instrumentType: 'EQ', lotSize: 1, expiry: null });
    expect(infy?.tickSize).toMatch(/^0\.0[15]$/);
    const future = (await loadBundledInstruments()).find((i) => i.tradingsymbol.startsWith('NIFTY') && i.instrumentType === 'FUT');
    expect(future).toBeDefined();
    const found = await findInstrument({ exchange: 'NFO', tradingsymbol: future?.tradingsymbol ?? '' });
    expect(found).toMatchObject({ lotSize: 65, expiry: future?.expiry });
    expect(await findInstrument({ exchange: 'NSE', tradingsymbol: 'NOPE' })).toBeNull();
  });

  it('updates a changed contract in place', async () => {
    await seedBundledInstruments();
    const [first] = await loadBundledInstruments();
    if (!first) throw new Error('bundled set is empty');
    expect(await importInstruments({ instruments: [{ ...first, lotSize: first.lotSize + 1 }], source: 'kite' })).toEqual({ upserted: 1 });
    expect((await findInstrument(first))?.lotSize).toBe(first.lotSize + 1);
    // Other test files share this database: put the contract back.
    await importInstruments({ instruments: [first], source: 'bundled' });
    expect((await findInstrument(first))?.lotSize).toBe(first.lotSize);
  });
});
