import { formatKiteDecimal } from './csv-format';
import { canonicalDecimal, type KiteInstrumentRow } from './schemas';

/** An F&O underlying: spot, strike step and tick in paise (CDS: 1/10,000 rupee); `side` strikes each way of the money. */
export type ContractSpec = { symbol: string; name: string; spotPaise: number; lot: number; stepPaise: number; side: number; tickPaise?: number };

export type DerivativeSegment = 'NFO' | 'BFO' | 'MCX' | 'CDS';

/** A contract row without its tokens: callers number contracts their own way. */
export type ContractRow = Omit<KiteInstrumentRow, 'instrument_token' | 'exchange_token' | 'last_price'>;

/**
 * One expiry of an underlying in Kite's dump order: the future (when `futures`), then CE and PE for
 * each strike from the lowest up, the strikes centred on the strike nearest the spot. `code` is the
 * symbol's expiry part ("26DEC" monthly, "26D29" weekly).
 */
export function* contractChain(seg: DerivativeSegment, spec: ContractSpec, expiry: string, code: string, futures: boolean, scale = 2): Generator<ContractRow> {
  const futTick = spec.tickPaise ?? (seg === 'CDS' ? 25 : 5);
  const optTick = seg === 'CDS' ? 25 : seg === 'MCX' ? futTick : 5;
  const tickScale = seg === 'CDS' ? 4 : 2;
  if (futures) {
    yield {
      tradingsymbol: `${spec.symbol}${code}FUT`, name: spec.name, expiry, strike: '0.0', tick_size: formatKiteDecimal(futTick, tickScale),
      lot_size: String(spec.lot), instrument_type: 'FUT', segment: `${seg}-FUT`, exchange: seg,
    };
  }
  const atm = Math.round(spec.spotPaise / spec.stepPaise) * spec.stepPaise;
  for (let k = -spec.side; k <= spec.side && spec.side > 0; k++) {
    const strike = atm + k * spec.stepPaise;
    for (const type of ['CE', 'PE'] as const) {
      yield {
        tradingsymbol: `${spec.symbol}${code}${canonicalDecimal(formatKiteDecimal(strike, scale))}${type}`, name: spec.name, expiry,
        strike: formatKiteDecimal(strike, scale), tick_size: formatKiteDecimal(optTick, tickScale), lot_size: String(spec.lot),
        instrument_type: type, segment: `${seg}-OPT`, exchange: seg,
      };
    }
  }
}
