import 'server-only';
import { db } from '@/lib/db/client';
import type { KiteInstrument } from '@/lib/instruments/schemas';

const BATCH = 500;

/**
 * Upserts instruments by (exchange, tradingsymbol) in batches of one statement each, so a re-import
 * of the same master changes nothing and a partial failure leaves earlier batches intact.
 */
export async function importInstruments({ instruments, source }: { instruments: readonly KiteInstrument[]; source: string }): Promise<{ upserted: number }> {
  let upserted = 0;
  for (let start = 0; start < instruments.length; start += BATCH) {
    const batch = instruments.slice(start, start + BATCH);
    const rows = JSON.stringify(
      batch.map((i) => ({
        instrument_token: i.instrumentToken,
        exchange_token: i.exchangeToken,
        tradingsymbol: i.tradingsymbol,
        name: i.name,
        exchange: i.exchange,
        segment: i.segment,
        instrument_type: i.instrumentType,
        expiry: i.expiry,
        strike: i.strike,
        tick_size: i.tickSize,
        lot_size: i.lotSize,
      })),
    );
    upserted += await db().$executeRaw`
      INSERT INTO "Instrument" ("id", "instrumentToken", "exchangeToken", "tradingsymbol", "name", "exchange", "segment",
        "instrumentType", "expiry", "strike", "tickSize", "lotSize", "source", "updatedAt")
      SELECT gen_random_uuid(), r.instrument_token, r.exchange_token, r.tradingsymbol, r.name, r.exchange, r.segment,
        r.instrument_type, r.expiry, r.strike, r.tick_size, r.lot_size, ${source}, now()
      FROM jsonb_to_recordset(${rows}::jsonb) AS r(instrument_token int, exchange_token int, tradingsymbol text, name text,
        exchange text, segment text, instrument_type text, expiry date, strike numeric, tick_size numeric, lot_size int)
      ON CONFLICT ("exchange", "tradingsymbol") DO UPDATE SET
        "instrumentToken" = EXCLUDED."instrumentToken", "exchangeToken" = EXCLUDED."exchangeToken", "name" = EXCLUDED."name",
        "segment" = EXCLUDED."segment", "instrumentType" = EXCLUDED."instrumentType", "expiry" = EXCLUDED."expiry",
        "strike" = EXCLUDED."strike", "tickSize" = EXCLUDED."tickSize", "lotSize" = EXCLUDED."lotSize",
        "source" = EXCLUDED."source", "updatedAt" = now()
      WHERE ("Instrument"."instrumentToken", "Instrument"."tickSize", "Instrument"."lotSize", "Instrument"."expiry", "Instrument"."name")
        IS DISTINCT FROM (EXCLUDED."instrumentToken", EXCLUDED."tickSize", EXCLUDED."lotSize", EXCLUDED."expiry", EXCLUDED."name")`;
  }
  return { upserted };
}
