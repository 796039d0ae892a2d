import 'server-only';
import { createHash } from 'node:crypto';
import { burnPasswordCheck, verifyPassword } from '@/lib/auth/password-hash';
import { SignInSchema } from '@/lib/auth/schemas';
import { createSession } from '@/lib/auth/sessions';
import { db } from '@/lib/db/client';
import { clearWindow, hitWindow, peekWindow } from '@/lib/rate-limit/fixed-window';

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 50;

export type CredentialsResult =
  | { ok: true; user: { id: string; email: string; name: string }; sessionId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

// Keys are hashed so the bucket table holds no email addresses.
const accountKey = (email: string) => `signin:acct:${createHash('sha256').update(email).digest('hex')}`;
const ipKey = (ip: string) => `signin:ip:${ip}`;

/**
 * Checks an email and password. Unknown email and wrong password are indistinguishable (same
 * answer, same work); too many failures for the account or the address lock both out for a while.
 */
export async function verifyCredentials({
  credentials,
  ip,
  userAgent,
}: {
  credentials: unknown;
  ip: string;
  userAgent: string | null;
}): Promise<CredentialsResult> {
  const parsed = SignInSchema.safeParse(credentials);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const { email, password } = parsed.data;

  const [account, address] = await Promise.all([peekWindow({ key: accountKey(email) }), peekWindow({ key: ipKey(ip) })]);
  const blocked = [
    account.count >= MAX_FAILURES_PER_ACCOUNT ? account : null,
    address.count >= MAX_FAILURES_PER_IP ? address : null,
  ].filter((window) => window !== null);
  if (blocked.length > 0) {
    const resetAt = Math.max(...blocked.map((window) => window.resetAt.getTime()));
    return { ok: false, reason: 'rate_limited', retryAfterSeconds: Math.max(1, Math.ceil((resetAt - Date.now()) / 1000)) };
  }

  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const valid = user?.passwordHash ? await verifyPassword(password, user.passwordHash) : (await burnPasswordCheck(password), false);
  if (!user || !valid) {
    await Promise.all([
      hitWindow({ key: accountKey(email), windowMs: SIGN_IN_WINDOW_MS }),
      hitWindow({ key: ipKey(ip), windowMs: SIGN_IN_WINDOW_MS }),
    ]);
    return { ok: false, reason: 'invalid' };
  }

  await clearWindow({ key: accountKey(email) });
  const session = await createSession({ userId: user.id, userAgent });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name }, sessionId: session.id };
}
