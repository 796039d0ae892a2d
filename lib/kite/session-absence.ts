// Users found without a live Kite session are remembered briefly, so a busy order path does not pay
// a session lookup for each of their orders. Storing a session forgets it at once (same process),
// so prices switch to Kite's the moment a user connects.
const ABSENT_MS = 5000;
const absent = new Map<string, number>();

export function knownWithoutKite(userId: string, now = Date.now()): boolean {
  return (absent.get(userId) ?? 0) > now;
}

export function rememberWithoutKite(userId: string, now = Date.now()): void {
  if (absent.size > 10_000) absent.clear();
  absent.set(userId, now + ABSENT_MS);
}

export function forgetWithoutKite(userId: string): void {
  absent.delete(userId);
}
