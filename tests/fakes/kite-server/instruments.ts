import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatIstDate } from './ist-time';

export const INSTRUMENT_COLUMNS = [
  'instrument_token',
  'exchange_token',
  'tradingsymbol',
  'name',
  'last_price',
  'expiry',
  'strike',
  'tick_size',
  'lot_size',
  'instrument_type',
  'segment',
  'exchange',
] as const;

export const KITE_EXCHANGES = ['NSE', 'BSE', 'NFO', 'BFO', 'CDS', 'BCD', 'MCX', 'NCO'] as const;

export type Instrument = {
  instrumentToken: number;
  exchangeToken: number;
  tradingsymbol: string;
  name: string;
  lastPrice: number;
  expiry: string;
  strike: number;
  tickSize: number;
  lotSize: number;
  instrumentType: string;
  segment: string;
  exchange: string;
  csvLine: string;
};

export const DEFAULT_INSTRUMENTS_CSV = path.resolve(
  import.meta.dirname,
  '../../../lib/instruments/data/bundled-instruments.csv',
);

// Used when the bundled file does not exist yet. Tokens follow Kite's exchange_token * 256 + segment rule.
const BUILT_IN_CSV = `${INSTRUMENT_COLUMNS.join(',')}
408065,1594,INFY,INFOSYS,0.0,,0.0,0.05,1,EQ,NSE,NSE
738561,2885,RELIANCE,RELIANCE INDUSTRIES,0.0,,0.0,0.05,1,EQ,NSE,NSE
2953217,11536,TCS,TATA CONSULTANCY SERV LT,0.0,,0.0,0.05,1,EQ,NSE,NSE
341249,1333,HDFCBANK,HDFC BANK,0.0,,0.0,0.05,1,EQ,NSE,NSE
779521,3045,SBIN,STATE BANK OF INDIA,0.0,,0.0,0.05,1,EQ,NSE,NSE
424961,1660,ITC,ITC,0.0,,0.0,0.05,1,EQ,NSE,NSE
1270529,4963,ICICIBANK,ICICI BANK,0.0,,0.0,0.05,1,EQ,NSE,NSE
2714625,10604,BHARTIARTL,BHARTI AIRTEL,0.0,,0.0,0.05,1,EQ,NSE,NSE
256265,1001,NIFTY 50,NIFTY 50,0.0,,0.0,0.0,0,EQ,INDICES,NSE
260105,1016,NIFTY BANK,NIFTY BANK,0.0,,0.0,0.0,0,EQ,INDICES,NSE
128028676,500112,SBIN,STATE BANK OF INDIA,0.0,,0.0,0.05,1,EQ,BSE,BSE
265,1,SENSEX,SENSEX,0.0,,0.0,0.0,0,EQ,INDICES,BSE
`;

export type InstrumentBook = {
  source: string;
  all: readonly Instrument[];
  /** Also resolves the alias NFO:NIFTY-FUT to the current-month NIFTY future. */
  find(exchange: string, tradingsymbol: string): Instrument | undefined;
  byToken(token: number): Instrument | undefined;
  /** CSV exactly in Kite's column order, ending with a newline as Kite's dump does. */
  csv(exchange?: string): string;
};

function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        current += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else current += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(current);
      current = '';
    } else current += char;
  }
  fields.push(current);
  return fields;
}

export function parseInstrumentsCsv(text: string, source: string): Instrument[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = lines.shift();
  if (header?.trim() !== INSTRUMENT_COLUMNS.join(',')) {
    throw new Error(`${source}: header must be exactly "${INSTRUMENT_COLUMNS.join(',')}"`);
  }
  return lines.map((line, index) => {
    const f = splitCsvLine(line);
    if (f.length !== INSTRUMENT_COLUMNS.length) throw new Error(`${source}: row ${index + 2} has ${f.length} columns`);
    const [token, exchangeToken, tradingsymbol, name, lastPrice, expiry, strike, tick, lot, type, segment, exchange] = f;
    return {
      instrumentToken: Number(token),
      exchangeToken: Number(exchangeToken),
      tradingsymbol: tradingsymbol ?? '',
      name: name ?? '',
      lastPrice: Number(lastPrice) || 0,
      expiry: expiry ?? '',
      strike: Number(strike) || 0,
      tickSize: Number(tick) || 0,
      lotSize: Number(lot) || 0,
      instrumentType: type ?? '',
      segment: segment ?? '',
      exchange: exchange ?? '',
      csvLine: line,
    };
  });
}

/** Current-month NIFTY future (monthly expiry: last Tuesday), so F&O positions always have a live contract. */
export function niftyFutureFor(now: Date): Instrument {
  const months = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
  const today = formatIstDate(now);
  for (let offset = 0; ; offset += 1) {
    const [y = 0, m = 1] = today.split('-').map(Number);
    const year = y + Math.floor((m - 1 + offset) / 12);
    const month = ((m - 1 + offset) % 12) + 1;
    const lastDay = new Date(Date.UTC(year, month, 0));
    const back = (lastDay.getUTCDay() - 2 + 7) % 7;
    const expiry = new Date(Date.UTC(year, month - 1, lastDay.getUTCDate() - back));
    const expiryText = expiry.toISOString().slice(0, 10);
    if (expiryText < today) continue;
    const symbol = `NIFTY${String(year).slice(2)}${months[month - 1]}FUT`;
    const exchangeToken = 35000 + (year % 100) * 12 + month;
    const token = exchangeToken * 256 + 2;
    const fields = [token, exchangeToken, symbol, 'NIFTY', '0.0', expiryText, '0.0', '0.1', '65', 'FUT', 'NFO-FUT', 'NFO'];
    return {
      instrumentToken: token,
      exchangeToken,
      tradingsymbol: symbol,
      name: 'NIFTY',
      lastPrice: 0,
      expiry: expiryText,
      strike: 0,
      tickSize: 0.1,
      lotSize: 65,
      instrumentType: 'FUT',
      segment: 'NFO-FUT',
      exchange: 'NFO',
      csvLine: fields.join(','),
    };
  }
}

export function buildInstrumentBook(
  rows: readonly Instrument[],
  source: string,
  aliases: ReadonlyMap<string, string> = new Map(),
): InstrumentBook {
  const byKey = new Map<string, Instrument>();
  const byToken = new Map<number, Instrument>();
  for (const row of rows) {
    byKey.set(`${row.exchange}:${row.tradingsymbol}`, row);
    byToken.set(row.instrumentToken, row);
  }
  const header = INSTRUMENT_COLUMNS.join(',');
  return {
    source,
    all: rows,
    find: (exchange, tradingsymbol) => {
      const key = `${exchange}:${tradingsymbol}`;
      return byKey.get(aliases.get(key) ?? key);
    },
    byToken: (token) => byToken.get(token),
    csv: (exchange) => {
      const selected = exchange === undefined ? rows : rows.filter((row) => row.exchange === exchange);
      return `${[header, ...selected.map((row) => row.csvLine)].join('\n')}\n`;
    },
  };
}

/**
 * Loads the CSV at `file` (or the bundled default), falling back to a small built-in set when it
 * does not exist. Rows the fake portfolios rely on are merged in when the file lacks them.
 */
export async function loadInstrumentBook(file: string | undefined, now: Date): Promise<InstrumentBook> {
  const target = file ?? DEFAULT_INSTRUMENTS_CSV;
  let rows: Instrument[];
  let source = target;
  try {
    rows = parseInstrumentsCsv(await readFile(target, 'utf8'), target);
  } catch (error) {
    const missing = error instanceof Error && 'code' in error && error.code === 'ENOENT';
    if (!missing || file !== undefined) throw error;
    rows = [];
    source = 'built-in';
  }
  const present = new Set(rows.map((row) => `${row.exchange}:${row.tradingsymbol}`));
  const builtIn = parseInstrumentsCsv(BUILT_IN_CSV, 'built-in');
  const future = niftyFutureFor(now);
  const extras = [...builtIn, future].filter((row) => !present.has(`${row.exchange}:${row.tradingsymbol}`));
  const aliases = new Map([['NFO:NIFTY-FUT', `NFO:${future.tradingsymbol}`]]);
  return buildInstrumentBook([...rows, ...extras], source, aliases);
}
