/** An instrument by its Kite key. */
export type InstrumentKey = { exchange: string; tradingsymbol: string };

// F&O contracts name their underlying in the instrument master's `name` column: the index's F&O
// symbol for index derivatives (NIFTY), the stock's tradingsymbol for stock derivatives (INFY).
// Index F&O symbols differ from the index rows' tradingsymbols, hence this table.
const INDEX_UNDERLYINGS: Readonly<Record<string, InstrumentKey>> = {
  NIFTY: { exchange: 'NSE', tradingsymbol: 'NIFTY 50' },
  BANKNIFTY: { exchange: 'NSE', tradingsymbol: 'NIFTY BANK' },
  FINNIFTY: { exchange: 'NSE', tradingsymbol: 'NIFTY FIN SERVICE' },
  MIDCPNIFTY: { exchange: 'NSE', tradingsymbol: 'NIFTY MID SELECT' },
  NIFTYNXT50: { exchange: 'NSE', tradingsymbol: 'NIFTY NEXT 50' },
  SENSEX: { exchange: 'BSE', tradingsymbol: 'SENSEX' },
  BANKEX: { exchange: 'BSE', tradingsymbol: 'BANKEX' },
  SENSEX50: { exchange: 'BSE', tradingsymbol: 'SENSEX50' },
};

const CASH_EXCHANGE: Readonly<Record<string, string>> = { NFO: 'NSE', BFO: 'BSE' };

/** Whether an F&O contract's underlying (its `name`) is an index. */
export function isIndexUnderlying(name: string): boolean {
  return Object.hasOwn(INDEX_UNDERLYINGS, name);
}

/**
 * The cash-market instrument an F&O contract is written on: NIFTY → NSE:NIFTY 50, and a stock
 * contract's name on the contract's own venue (NFO:INFY… → NSE:INFY). Null for anything else.
 */
export function underlyingOf(instrument: { exchange: string; name: string }): InstrumentKey | null {
  const index = INDEX_UNDERLYINGS[instrument.name];
  if (index) return index;
  const exchange = CASH_EXCHANGE[instrument.exchange];
  return exchange === undefined || instrument.name === '' ? null : { exchange, tradingsymbol: instrument.name };
}
