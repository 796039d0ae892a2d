import { futureSymbol, listedExpiries, optionSymbol, type BundledUnderlying } from '@/lib/instruments/bundled-derivatives';
import { istDateString } from '@/lib/market/calendar/ist';

// The bundled F&O contracts roll with the calendar (lib/instruments/bundled-derivatives.ts), so tests
// name them by role for the day they run on, or for an explicit `at` when a test is about a date.

type Month = 'near' | 'next';

/** "NIFTY26DECFUT" for `nearMonthFuture('NIFTY')` on a day in Dec 2026 up to its expiry. */
export function nearMonthFuture(underlying: BundledUnderlying, at: Date = new Date()): string {
  return futureSymbol({ underlying, month: 'near', today: istDateString(at) });
}

export function nextMonthFuture(underlying: BundledUnderlying, at: Date = new Date()): string {
  return futureSymbol({ underlying, month: 'next', today: istDateString(at) });
}

/** "NIFTY26DEC26300CE" for `nearMonthOption('NIFTY', 26300, 'CE')` on a day in Dec 2026 up to its expiry. */
export function nearMonthOption(underlying: BundledUnderlying, strike: number, type: 'CE' | 'PE', at: Date = new Date()): string {
  return optionSymbol({ underlying, strike, type, month: 'near', today: istDateString(at) });
}

export function nextMonthOption(underlying: BundledUnderlying, strike: number, type: 'CE' | 'PE', at: Date = new Date()): string {
  return optionSymbol({ underlying, strike, type, month: 'next', today: istDateString(at) });
}

/** Expiry (IST yyyy-mm-dd) of the near or next monthly contracts listed at `at`. */
export function monthlyExpiryOf(month: Month, at: Date = new Date()): string {
  return listedExpiries(istDateString(at))[month === 'near' ? 0 : 1];
}
