import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fixedDateExchangeHolidays, lastWeekdayOfMonth, monthlyCode, TUESDAY, THURSDAY, weeklyCode, weeklyExpiries } from './expiry-calendar';
import { parseKiteInstrumentsCsv, parseKiteInstrumentsCsvAll } from './parse-csv';
import { rankInstruments } from './search-rank';
import type { KiteInstrument } from './schemas';
import { stockLotSize } from './synthetic-equities';
import { syntheticInstrumentRows, syntheticInstrumentsCsv } from './synthetic-instruments';

const repoRoot = path.resolve(import.meta.dirname, '../..');

describe('synthetic 100k instrument master', () => {
  it('parses 100,000 generated rows in well under 2 s, in bounded batches, with no bad rows', async () => {
    const csv = [...syntheticInstrumentsCsv()].join('');
    const started = performance.now();
    const parse = parseKiteInstrumentsCsv(Readable.from([csv]), { batchSize: 2000 });
    const all: KiteInstrument[] = [];
    const batchSizes = new Set<number>();
    for await (const batch of parse) {
      batchSizes.add(batch.length);
      for (const i of batch) all.push(i);
    }
    const elapsed = performance.now() - started;
    expect(parse.report).toMatchObject({ rows: 100_000, badRowCount: 0, done: true });
    expect([...batchSizes]).toEqual([2000]);
    expect(elapsed).toBeLessThan(2000);
    console.info(`parsed 100k instruments in ${Math.round(elapsed)} ms`);

    expect(new Set(all.map((i) => i.instrumentToken)).size).toBe(100_000);
    expect(new Set(all.map((i) => `${i.exchange}:${i.tradingsymbol}`)).size).toBe(100_000);
    const byExchange = new Map<string, number>();
    for (const i of all) byExchange.set(i.exchange, (byExchange.get(i.exchange) ?? 0) + 1);
    expect([...byExchange.keys()].sort()).toEqual(['BFO', 'BSE', 'CDS', 'MCX', 'NFO', 'NSE']);
    expect(byExchange.get('NFO')).toBeGreaterThan(80_000);
    expect(all.some((i) => i.name.includes(','))).toBe(true);
    expect(all.filter((i) => i.exchangeToken !== i.instrumentToken >> 8)).toEqual([]);

    const nifty = all.filter((i) => i.exchange === 'NFO' && i.name === 'NIFTY');
    expect(new Set(nifty.map((i) => i.lotSize))).toEqual(new Set([65]));
    expect(all.find((i) => i.tradingsymbol === 'NIFTY26D0826500CE')).toMatchObject({ expiry: '2026-12-08', strike: '26500', instrumentType: 'CE' });
    expect(all.find((i) => i.tradingsymbol === 'NIFTY27JANFUT')?.expiry).toBe('2027-01-25');
    expect(all.find((i) => i.tradingsymbol === 'SENSEX26DECFUT')?.expiry).toBe('2026-12-31');
    expect(all.find((i) => i.tradingsymbol === 'USDINR26DEC85.25CE')).toMatchObject({ strike: '85.25', tickSize: '0.0025', segment: 'CDS-OPT' });

    const t = performance.now();
    const hits = rankInstruments('nifty 26500 ce', all, { limit: 3 });
    expect(performance.now() - t).toBeLessThan(1500);
    expect(hits.map((h) => h.instrument.tradingsymbol)).toEqual(['NIFTY26D0126500CE', 'NIFTY26D0826500CE', 'NIFTY26D1526500CE']);
  });

  it('is deterministic for a seed and changes with it', () => {
    const a = [...syntheticInstrumentRows({ rows: 3000 })];
    const b = [...syntheticInstrumentRows({ rows: 3000 })];
    const c = [...syntheticInstrumentRows({ rows: 3000, seed: 7 })];
    expect(a).toHaveLength(3000);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('writes exactly --rows rows from the CLI script', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gen-instruments-'));
    try {
      const out = path.join(dir, 'instruments.csv');
      const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
      const { stdout } = await promisify(execFile)(tsx, ['--conditions=react-server', 'scripts/gen-instruments-csv.ts', out, '--rows', '500', '--lf'], { cwd: repoRoot });
      expect(stdout).toContain('wrote 500 instruments');
      const text = await readFile(out, 'utf8');
      expect(text.includes('\r')).toBe(false);
      const { instruments, report } = await parseKiteInstrumentsCsvAll(text);
      expect([instruments.length, report.badRowCount]).toEqual([500, 0]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 20_000);
});

describe('expiry calendar', () => {
  const holidays = fixedDateExchangeHolidays([2026, 2027]);

  it('takes the last Tuesday (NSE) or Thursday (BSE), moved back over holidays', () => {
    expect(lastWeekdayOfMonth({ year: 2026, month: 12 }, TUESDAY, holidays)).toBe('2026-12-29');
    expect(lastWeekdayOfMonth({ year: 2027, month: 1 }, TUESDAY)).toBe('2027-01-26');
    expect(lastWeekdayOfMonth({ year: 2027, month: 1 }, TUESDAY, holidays)).toBe('2027-01-25');
    expect(lastWeekdayOfMonth({ year: 2026, month: 12 }, THURSDAY, holidays)).toBe('2026-12-31');
    expect(weeklyExpiries('2026-12-01', TUESDAY, 5, holidays)).toEqual(['2026-12-01', '2026-12-08', '2026-12-15', '2026-12-22', '2026-12-29']);
  });

  it('builds Kite monthly and weekly symbol codes', () => {
    expect(monthlyCode('2026-12-29')).toBe('26DEC');
    expect(monthlyCode('2027-01-25')).toBe('27JAN');
    expect(weeklyCode('2026-12-08')).toBe('26D08');
    expect(weeklyCode('2027-10-05')).toBe('27O05');
    expect(weeklyCode('2027-03-02')).toBe('27302');
  });

  it('sizes stock lots to at least ₹15 lakh per contract', () => {
    expect(stockLotSize(100_000)).toBe(1500);
    expect(stockLotSize(1_000_000)).toBe(150);
    expect(stockLotSize(2_000_000)).toBe(75);
    expect(stockLotSize(15_000_000)).toBe(10);
  });
});
