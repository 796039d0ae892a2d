import 'server-only';
import { db } from '@/lib/db/client';

export type Instrument = {
  instrumentToken: number;
  tradingsymbol: string;
  name: string;
  exchange: string;
  segment: string;
  instrumentType: string;
  /** yyyy-mm-dd, or null for equities and indices. */
  expiry: string | null;
  strike: string;
  tickSize: string;
  lotSize: number;
  freezeQuantity: number | null;
};

type Row = Awaited<ReturnType<ReturnType<typeof db>['instrument']['findFirst']>>;

export function toInstrument(row: NonNullable<Row>): Instrument {
  return {
    instrumentToken: row.instrumentToken,
    tradingsymbol: row.tradingsymbol,
    name: row.name,
    exchange: row.exchange,
    segment: row.segment,
    instrumentType: row.instrumentType,
    expiry: row.expiry ? row.expiry.toISOString().slice(0, 10) : null,
    strike: row.strike.toString(),
    tickSize: row.tickSize.toString(),
    lotSize: row.lotSize,
    freezeQuantity: row.freezeQuantity,
  };
}

/** One instrument by its Kite key (exchange + tradingsymbol), or null. */
export async function findInstrument({ exchange, tradingsymbol }: { exchange: string; tradingsymbol: string }): Promise<Instrument | null> {
  const row = await db().instrument.findUnique({ where: { exchange_tradingsymbol: { exchange, tradingsymbol } } });
  return row ? toInstrument(row) : null;
}
