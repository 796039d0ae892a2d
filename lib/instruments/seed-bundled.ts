import 'server-only';
import { db } from '@/lib/db/client';
import { loadBundledInstruments } from '@/lib/instruments/bundled';
import { importInstruments } from '@/lib/instruments/import-instruments';
import { istDateString } from '@/lib/market/calendar/ist';

/**
 * Loads the bundled instrument set (NIFTY 50, main indices, near- and next-month index F&O for the
 * IST date of `now`) so search and paper trading work without Kite. While the bundled set is the
 * master's only source it is upserted again on every call, so a restarted or long-running server
 * (see schedule-instrument-sync.ts) gets each new month's contracts; expired ones stay, since
 * positions may still need them to settle. Once a Kite dump has been imported, Kite owns the master
 * and this does nothing. Returns how many rows were added or changed.
 */
export async function seedBundledInstruments({ now = new Date() }: { now?: Date } = {}): Promise<{ seeded: number }> {
  const other = await db().instrument.findFirst({ where: { source: { not: 'bundled' } }, select: { id: true } });
  if (other) return { seeded: 0 };
  const instruments = await loadBundledInstruments({ today: istDateString(now) });
  const { upserted } = await importInstruments({ instruments, source: 'bundled' });
  return { seeded: upserted };
}
