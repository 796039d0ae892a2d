import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { formatKiteCsvRow, formatKiteDecimal, KITE_CSV_HEADER } from './csv-format';
import { InstrumentCsvHeaderError, parseKiteInstrumentsCsv, parseKiteInstrumentsCsvAll } from './parse-csv';
import { canonicalDecimal, type KiteInstrumentRow } from './schemas';

const H = KITE_CSV_HEADER;
const INFY = '408065,1594,INFY,INFOSYS,0.0,,0.0,0.05,1,EQ,NSE,NSE';
const OPT = '12073986,47164,BANKNIFTY18JAN23500CE,,2528.4,2018-01-25,23500.0,0.05,40,CE,NFO-OPT,NFO';

async function* chunked(text: string, sizes: number[]): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const n = sizes[i % sizes.length] ?? 1;
    yield bytes.subarray(at, at + n);
    at += n;
  }
}

describe('parseKiteInstrumentsCsv', () => {
  it('parses Kite rows into typed records (ints, decimal strings, null expiry)', async () => {
    const { instruments, report } = await parseKiteInstrumentsCsvAll(`${H}\r\n${INFY}\r\n${OPT}\r\n`);
    expect(report).toEqual({ rows: 2, badRowCount: 0, badRows: [], done: true });
    expect(instruments).toEqual([
      { instrumentToken: 408065, exchangeToken: 1594, tradingsymbol: 'INFY', name: 'INFOSYS', lastPrice: '0', expiry: null, strike: '0', tickSize: '0.05', lotSize: 1, instrumentType: 'EQ', segment: 'NSE', exchange: 'NSE' },
      { instrumentToken: 12073986, exchangeToken: 47164, tradingsymbol: 'BANKNIFTY18JAN23500CE', name: '', lastPrice: '2528.4', expiry: '2018-01-25', strike: '23500', tickSize: '0.05', lotSize: 40, instrumentType: 'CE', segment: 'NFO-OPT', exchange: 'NFO' },
    ]);
  });

  it('handles quoted fields: commas, escaped quotes, embedded newlines', async () => {
    const csv = `${H}\n1,0,A,"BOMBAY DYEING & MFG CO.,LTD",0,,0,0.05,1,EQ,NSE,NSE\n2,0,B,"SAY ""HI"", OK",0,,0,0.05,1,EQ,NSE,NSE\n3,0,C,"TWO\nLINES",0,,0,0.05,1,EQ,NSE,NSE\n4,0,D,oops,0,,0,0.05,1,XX,NSE,NSE\n`;
    const { instruments, report } = await parseKiteInstrumentsCsvAll(csv);
    expect(instruments.map((i) => i.name)).toEqual(['BOMBAY DYEING & MFG CO.,LTD', 'SAY "HI", OK', 'TWO\nLINES']);
    // The multi-line record occupies lines 4-5, so the next row is line 6.
    expect(report.badRows).toEqual([{ line: 6, reason: expect.stringContaining('instrument_type') as string, raw: '4,0,D,oops,0,,0,0.05,1,XX,NSE,NSE' }]);
  });

  it('collects bad rows with line numbers and keeps going', async () => {
    const lines = [
      H,
      INFY, // 2
      '1,2,3', // 3: wrong field count
      'abc,1,X,N,0,,0,0.05,1,EQ,NSE,NSE', // 4: token not an int
      '5,1,X,N,0,2026-02-30,0,0.05,1,EQ,NSE,NSE', // 5: impossible date
      '6,1,X,N,0,,1e5,0.05,1,EQ,NSE,NSE', // 6: strike not decimal
      '7,1,,N,0,,0,0.05,-1,EQ,NSE,NSE', // 7: empty symbol and negative lot
      '8,1,"X"Y,N,0,,0,0.05,1,EQ,NSE,NSE', // 8: junk after closing quote
      '', // 9: blank, skipped
      OPT, // 10
      '9,1,Z,"never closed,0,,0,0.05,1,EQ,NSE,NSE', // 11: unterminated quote
      '10,1,LAST,N,0,,0,0.05,1,EQ,NSE,NSE', // 12
    ];
    const { instruments, report } = await parseKiteInstrumentsCsvAll(lines.join('\n'));
    expect(instruments.map((i) => i.tradingsymbol)).toEqual(['INFY', 'BANKNIFTY18JAN23500CE', 'LAST']);
    expect(report.badRows.map((b) => b.line)).toEqual([3, 4, 5, 6, 7, 8, 11]);
    expect(report.badRows[0]?.reason).toBe('expected 12 fields, got 3');
    expect(report.badRows[1]?.reason).toMatch(/^instrument_token: /);
    expect(report.badRows[2]?.reason).toMatch(/^expiry: /);
    expect(report.badRows[3]?.reason).toMatch(/^strike: /);
    expect(report.badRows[4]?.reason).toMatch(/tradingsymbol: .*lot_size: /);
    expect(report.badRows[5]?.reason).toBe('unexpected character after closing quote');
    expect(report.badRows[6]).toEqual({ line: 11, reason: 'unterminated quoted field', raw: lines[10] });
  });

  it('caps stored bad rows but counts them all', async () => {
    const bad = Array.from({ length: 30 }, () => 'x').join('\n');
    const parse = parseKiteInstrumentsCsv(`${H}\n${bad}\n${INFY}\n`, { maxBadRows: 5 });
    const rows = [];
    for await (const b of parse) rows.push(...b);
    expect(rows).toHaveLength(1);
    expect(parse.report.badRowCount).toBe(30);
    expect(parse.report.badRows.map((b) => b.line)).toEqual([2, 3, 4, 5, 6]);
  });

  it('gives the same result for any chunking of the byte stream (CRLF, UTF-8 and quotes split)', async () => {
    const csv = `\uFEFF${H}\r\n${INFY}\r\n1,0,₹SYM,"NAME, ₹ ""Q""\r\nX",0,,0,0.05,1,EQ,NSE,NSE\r\n${OPT}`;
    const whole = await parseKiteInstrumentsCsvAll(csv.replace('\uFEFF', ''));
    expect(whole.instruments.map((i) => i.name)).toEqual(['INFOSYS', 'NAME, ₹ "Q"\r\nX', '']);
    for (const sizes of [[1], [2, 3], [7], [64, 1, 5]]) {
      const { instruments, report } = await parseKiteInstrumentsCsvAll(chunked(csv, sizes));
      expect(instruments, `chunks ${sizes.join(',')}`).toEqual(whole.instruments);
      expect(report.badRowCount).toBe(0);
    }
  });

  it('yields batches of batchSize from a Node Readable', async () => {
    const body = Array.from({ length: 10 }, (_, i) => `${i + 1},0,S${i},N,0,,0,0.05,1,EQ,NSE,NSE`).join('\n');
    const parse = parseKiteInstrumentsCsv(Readable.from([`${H}\n${body.slice(0, 50)}`, body.slice(50)]), { batchSize: 3 });
    const sizes: number[] = [];
    for await (const b of parse) sizes.push(b.length);
    expect(sizes).toEqual([3, 3, 3, 1]);
    expect(parse.report).toMatchObject({ rows: 10, done: true });
    expect(() => parse[Symbol.asyncIterator]()).toThrow(/only be iterated once/);
  });

  it('maps columns by header name, ignoring extra columns', async () => {
    const { instruments } = await parseKiteInstrumentsCsvAll(
      'exchange,segment,instrument_type,lot_size,tick_size,strike,expiry,last_price,name,tradingsymbol,exchange_token,instrument_token,extra\nNSE,NSE,EQ,1,0.05,0.0,,0.0,INFOSYS,INFY,1594,408065,zz\n',
    );
    expect(instruments[0]).toMatchObject({ instrumentToken: 408065, tradingsymbol: 'INFY', name: 'INFOSYS' });
  });

  it('recovers from a runaway quote once the record exceeds maxRecordChars', async () => {
    const good = Array.from({ length: 40 }, (_, i) => `${i + 1},0,S${i},N,0,,0,0.05,1,EQ,NSE,NSE`);
    const csv = `${H}\n1,0,BAD,"runaway,0,,0,0.05,1,EQ,NSE,NSE\n${good.join('\n')}\n`;
    const { instruments, report } = await parseKiteInstrumentsCsvAll(chunked(csv, [16]), { maxRecordChars: 200 });
    expect(report.badRows).toEqual([{ line: 2, reason: expect.stringContaining('longer than 200') as string, raw: '1,0,BAD,"runaway,0,,0,0.05,1,EQ,NSE,NSE' }]);
    expect(instruments).toHaveLength(40);
  });

  it('rejects a file that is not a Kite instruments CSV', async () => {
    await expect(parseKiteInstrumentsCsvAll('a,b,c\n1,2,3\n')).rejects.toThrow(InstrumentCsvHeaderError);
    await expect(parseKiteInstrumentsCsvAll('a,b,c\n1,2,3\n')).rejects.toThrow(/instrument_token, exchange_token/);
    await expect(parseKiteInstrumentsCsvAll('')).rejects.toThrow(/empty input/);
  });
});

describe('CSV helpers', () => {
  it('canonicalDecimal drops trailing zeros only', () => {
    expect(['23500.0', '0.0', '0.050', '85.25', '100', '-0.0', '10.10'].map(canonicalDecimal)).toEqual(['23500', '0', '0.05', '85.25', '100', '0', '10.1']);
  });

  it('formatKiteDecimal spells fixed-point values like Kite', () => {
    expect(formatKiteDecimal(2_650_000, 2)).toBe('26500.0');
    expect(formatKiteDecimal(8_525, 2)).toBe('85.25');
    expect(formatKiteDecimal(25, 4)).toBe('0.0025');
    expect(formatKiteDecimal(5, 2)).toBe('0.05');
    expect(() => formatKiteDecimal(1.5, 2)).toThrow(RangeError);
  });

  it('formatKiteCsvRow round-trips through the parser', async () => {
    const row: KiteInstrumentRow = {
      instrument_token: '3813889', exchange_token: '14898', tradingsymbol: 'CENTRALBK-BE', name: 'CENTRAL BANK, "OF" INDIA', last_price: '0.0',
      expiry: '', strike: '0.0', tick_size: '0.05', lot_size: '1', instrument_type: 'EQ', segment: 'NSE', exchange: 'NSE',
    };
    const line = formatKiteCsvRow(row);
    expect(line).toBe('3813889,14898,CENTRALBK-BE,"CENTRAL BANK, ""OF"" INDIA",0.0,,0.0,0.05,1,EQ,NSE,NSE');
    const { instruments } = await parseKiteInstrumentsCsvAll(`${H}\n${line}\n`);
    expect(instruments[0]?.name).toBe(row.name);
  });
});
