import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { istDateString } from '@/lib/market/calendar/ist';
import { bundledDerivatives, listedExpiries } from './bundled-derivatives';
import { seedBundledInstruments } from './seed-bundled';

// Days far from any real run, so nothing else in a shared database lists these contracts.
const JUNE = new Date('2031-06-10T04:00:00Z');
const [JUNE_EXPIRY = '', JULY_EXPIRY = ''] = listedExpiries('2031-06-10');
const AFTER_JUNE_EXPIRY = new Date(`${JUNE_EXPIRY}T22:30:00Z`); // 04:00 IST the next day

const nfoSymbols = async () => new Set((await db().instrument.findMany({ where: { exchange: 'NFO' }, select: { tradingsymbol: true } })).map((r) => r.tradingsymbol));

// Postgres files share one database, where a Kite-format sync may have run before this file:
// run as if the bundled set were the only source, and leave the master as it was found.
let before = new Set<string>();
let foreign: { id: string; source: string }[] = [];
beforeAll(async () => {
  foreign = await db().instrument.findMany({ where: { source: { not: 'bundled' } }, select: { id: true, source: true } });
  await db().instrument.updateMany({ where: { id: { in: foreign.map((f) => f.id) } }, data: { source: 'bundled' } });
  await seedBundledInstruments();
  before = await nfoSymbols();
});
afterAll(async () => {
  const added = [...(await nfoSymbols())].filter((s) => !before.has(s));
  await db().instrument.deleteMany({ where: { exchange: 'NFO', tradingsymbol: { in: added } } });
  for (const source of new Set(foreign.map((f) => f.source))) {
    await db().instrument.updateMany({ where: { id: { in: foreign.filter((f) => f.source === source).map((f) => f.id) } }, data: { source } });
  }
});

describe('seeding the bundled master when it is the only source', () => {
  it("adds each new month's contracts as the calendar rolls, keeps the expired ones, and is idempotent", async () => {
    const june = bundledDerivatives('2031-06-10');
    expect(await seedBundledInstruments({ now: JUNE })).toEqual({ seeded: june.length });
    expect(await seedBundledInstruments({ now: JUNE })).toEqual({ seeded: 0 });

    // The day after June's expiry lists July and August: only August's contracts are new.
    const rolled = await seedBundledInstruments({ now: AFTER_JUNE_EXPIRY });
    expect(rolled).toEqual({ seeded: june.length / 2 });
    const expiries = (await db().instrument.findMany({ where: { exchange: 'NFO', name: 'NIFTY', instrumentType: 'FUT', expiry: { gte: new Date(`${JUNE_EXPIRY}T00:00:00Z`) } }, select: { expiry: true } }))
      .map((r) => r.expiry?.toISOString().slice(0, 10))
      .sort();
    expect(expiries).toEqual([JUNE_EXPIRY, JULY_EXPIRY, listedExpiries(istDateString(AFTER_JUNE_EXPIRY))[1]]);
  });

  it('leaves a master that a Kite dump has been imported into alone', async () => {
    const [one] = await db().instrument.findMany({ where: { exchange: 'NSE' }, take: 1, select: { id: true } });
    if (!one) throw new Error('no NSE instrument');
    await db().instrument.update({ where: { id: one.id }, data: { source: 'kite' } });
    try {
      const later = new Date('2031-09-10T04:00:00Z');
      expect(await seedBundledInstruments({ now: later })).toEqual({ seeded: 0 });
      const symbols = await nfoSymbols();
      expect(bundledDerivatives('2031-09-10').filter((c) => symbols.has(c.tradingsymbol))).toEqual([]);
    } finally {
      await db().instrument.update({ where: { id: one.id }, data: { source: 'bundled' } });
    }
  });
});
