import { afterAll, beforeAll, vi } from 'vitest';
import { db } from '@/lib/db/client';
import { bundledDerivatives } from '@/lib/instruments/bundled-derivatives';
import { importInstruments } from '@/lib/instruments/import-instruments';
import { seedBundledInstruments } from '@/lib/instruments/seed-bundled';
import { istDateString } from '@/lib/market/calendar/ist';

/**
 * For a test file about a fixed date: seeds today's bundled master, adds the bundled contracts
 * listed on `at` and runs the file with the clock set to `at` (Date only, still ticking), then takes
 * out the contracts it added, so other files sharing the database still see only today's set.
 */
export function useDatedMarket(at: Date): void {
  let added: string[] = [];
  beforeAll(async () => {
    await seedBundledInstruments();
    const contracts = bundledDerivatives(istDateString(at));
    const present = await db().instrument.findMany({
      where: { exchange: 'NFO', tradingsymbol: { in: contracts.map((c) => c.tradingsymbol) } },
      select: { tradingsymbol: true },
    });
    const have = new Set(present.map((p) => p.tradingsymbol));
    const missing = contracts.filter((c) => !have.has(c.tradingsymbol));
    await importInstruments({ instruments: missing, source: 'bundled' });
    added = missing.map((c) => c.tradingsymbol);
    vi.useFakeTimers({ toFake: ['Date'], now: at, shouldAdvanceTime: true });
  });
  afterAll(async () => {
    vi.useRealTimers();
    if (added.length > 0) await db().instrument.deleteMany({ where: { exchange: 'NFO', tradingsymbol: { in: added } } });
  });
}
