import { describe, expect, it } from 'vitest';
import { loadInstrumentBook, parseInstrumentsCsv } from './instruments';

describe('parseInstrumentsCsv', () => {
  const header = 'instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,tick_size,lot_size,instrument_type,segment,exchange';

  it('reads CRLF files and quoted fields', () => {
    const rows = parseInstrumentsCsv(`${header}\r\n244352260,954501,8HDFCL18,"HDFCL-8%, PVT",0.0,,0.0,0.01,1,EQ,BSE,BSE\r\n`, 'test');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ instrumentToken: 244352260, name: 'HDFCL-8%, PVT', tickSize: 0.01, exchange: 'BSE' });
  });

  it('refuses a file whose header is not Kite’s', () => {
    expect(() => parseInstrumentsCsv('token,symbol\n1,X\n', 'bad.csv')).toThrow(/bad\.csv: header must be exactly/);
  });
});

describe('loadInstrumentBook', () => {
  it('falls back to the built-in set with a generated current-month NIFTY future when the bundled file is missing', async () => {
    const book = await loadInstrumentBook(undefined, new Date('2026-11-25T06:00:00Z'), '/nonexistent/bundled.csv');
    expect(book.source).toBe('built-in');
    expect(book.find('NSE', 'INFY')?.instrumentToken).toBe(408065);
    // November 2026's last Tuesday (24th) has passed on the 25th, so December's contract is current.
    expect(book.find('NFO', 'NIFTY-FUT')).toMatchObject({ tradingsymbol: 'NIFTY26DECFUT', expiry: '2026-12-29', lotSize: 65 });
    expect(book.csv('NFO').trim().split('\n')).toHaveLength(2);
  });

  it("serves the app's bundled master with the F&O contracts listed on the fake's day", async () => {
    const book = await loadInstrumentBook(undefined, new Date('2027-02-10T04:00:00Z'));
    expect(book.find('NSE', 'INFY')?.referencePrice).toBe(1600);
    expect(book.find('NFO', 'NIFTY-FUT')).toMatchObject({ tradingsymbol: 'NIFTY27FEBFUT', expiry: '2027-02-23', lotSize: 65, referencePrice: 26606 });
    expect(book.find('NFO', 'BANKNIFTY27MAR60000PE')).toMatchObject({ strike: 60000, instrumentType: 'PE', referencePrice: 500 });
    expect(book.find('NFO', 'NIFTY26DECFUT')).toBeUndefined();
    expect(book.csv('NFO').trim().split('\n')).toHaveLength(1 + 80);
  });

  it('throws when an explicitly given file is missing', async () => {
    await expect(loadInstrumentBook('/nonexistent/given.csv', new Date())).rejects.toThrow(/ENOENT/);
  });
});
