import { istDateString } from '@/lib/market/calendar';

/**
 * Whether an F&O contract has expired at `at`. Expiry dates are IST calendar days: a contract trades
 * through its expiry day and is gone from the IST midnight after. Equities (no expiry) never expire.
 */
export function isExpired(contract: { expiry: string | null }, at: Date): boolean {
  return contract.expiry !== null && contract.expiry < istDateString(at);
}
