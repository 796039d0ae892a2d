/**
 * The caller's address for throttling. Vercel and most proxies set x-real-ip; otherwise the last
 * x-forwarded-for hop is the one our own server (or the nearest proxy) saw.
 */
export function clientIp(headers: Headers): string {
  const real = headers.get('x-real-ip')?.trim();
  if (real) return real.slice(0, 64);
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').map((part) => part.trim()).filter(Boolean).at(-1);
  return (last ?? 'unknown').slice(0, 64);
}
