import 'server-only';
import { db } from '@/lib/db/client';
import { loadBundledInstruments } from '@/lib/instruments/bundled';
import { importInstruments } from '@/lib/instruments/import-instruments';

/**
 * Loads the bundled instrument set (NIFTY 50, main indices, near-month index F&O) when the master is
 * empty, so search and paper trading work without Kite. A Kite sync later replaces it.
 */
export async function seedBundledInstruments(): Promise<{ seeded: number }> {
  if ((await db().instrument.count({ take: 1 })) > 0) return { seeded: 0 };
  const instruments = await loadBundledInstruments();
  const { upserted } = await importInstruments({ instruments, source: 'bundled' });
  return { seeded: upserted };
}
