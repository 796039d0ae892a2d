import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { changePassword } from '@/lib/auth/change-password';
import { registerUser } from '@/lib/auth/register';
import { RegisterSchema } from '@/lib/auth/schemas';
import { findActiveSession, revokeAllSessions } from '@/lib/auth/sessions';
import { trustedUserId } from '@/lib/auth/user-id';
import { MAX_FAILURES_PER_ACCOUNT, verifyCredentials } from '@/lib/auth/verify-credentials';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';

const PASSWORD = 'correct horse battery staple 42';
const uniqueEmail = () => `trader-${randomUUID()}@example.test`;
const ip = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

async function register(email = uniqueEmail()) {
  return registerUser(RegisterSchema.parse({ email, password: PASSWORD, name: 'Asha Trader' }));
}

describe('registration', () => {
  it('normalises the email and never stores the password in clear', async () => {
    const raw = `  Mixed.Case-${randomUUID()}@Example.TEST `;
    const user = await registerUser(RegisterSchema.parse({ email: raw, password: PASSWORD, name: '  Asha   Trader ' }));
    expect(user.email).toBe(raw.trim().toLowerCase());
    expect(user.name).toBe('Asha Trader');
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(stored.passwordHash).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect(stored.passwordHash).not.toContain(PASSWORD);
  });

  it('omits the password hash from ordinary queries', async () => {
    const user = await register();
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).not.toHaveProperty('passwordHash');
  });

  it('answers a duplicate email with a conflict', async () => {
    const email = uniqueEmail();
    await register(email);
    await expect(register(email.toUpperCase())).rejects.toMatchObject({ code: 'conflict', status: 409 });
  });

  it('lets exactly one of two racing registrations win', async () => {
    const email = uniqueEmail();
    const results = await Promise.allSettled([register(email), register(email)]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((result) => result.status === 'rejected');
    expect(rejected?.status === 'rejected' && rejected.reason instanceof AppError && rejected.reason.code).toBe('conflict');
    expect(await db().user.count({ where: { email } })).toBe(1);
  });
});

describe('sign-in', () => {
  it('accepts the right password and opens a session', async () => {
    const user = await register();
    const result = await verifyCredentials({ credentials: { email: user.email, password: PASSWORD }, ip: ip(), userAgent: 'vitest' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await findActiveSession({ sessionId: result.sessionId, userId: user.id })).toMatchObject({ user: { id: user.id } });
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const user = await register();
    const wrong = await verifyCredentials({ credentials: { email: user.email, password: 'not the password' }, ip: ip(), userAgent: null });
    const unknown = await verifyCredentials({ credentials: { email: uniqueEmail(), password: PASSWORD }, ip: ip(), userAgent: null });
    expect(wrong).toEqual({ ok: false, reason: 'invalid' });
    expect(unknown).toEqual(wrong);
  });

  it('locks an account after repeated failures, even with the right password, from any address', async () => {
    const user = await register();
    for (let attempt = 0; attempt < MAX_FAILURES_PER_ACCOUNT; attempt += 1) {
      expect(await verifyCredentials({ credentials: { email: user.email, password: `wrong-${attempt}` }, ip: ip(), userAgent: null })).toMatchObject({ ok: false, reason: 'invalid' });
    }
    const locked = await verifyCredentials({ credentials: { email: user.email, password: PASSWORD }, ip: ip(), userAgent: null });
    expect(locked).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(locked.ok === false && locked.reason === 'rate_limited' && locked.retryAfterSeconds).toBeGreaterThan(60);
  });

  it('limits one address trying many accounts', async () => {
    const address = ip();
    const target = await register();
    for (let attempt = 0; attempt < 50; attempt += 1) {
      await verifyCredentials({ credentials: { email: uniqueEmail(), password: 'guessing-password' }, ip: address, userAgent: null });
    }
    const blocked = await verifyCredentials({ credentials: { email: target.email, password: PASSWORD }, ip: address, userAgent: null });
    expect(blocked).toMatchObject({ ok: false, reason: 'rate_limited' });
    const elsewhere = await verifyCredentials({ credentials: { email: target.email, password: PASSWORD }, ip: ip(), userAgent: null });
    expect(elsewhere.ok).toBe(true);
  });

  it('rejects malformed credentials without touching the database', async () => {
    expect(await verifyCredentials({ credentials: { email: 'x'.repeat(10_000), password: 'p' }, ip: ip(), userAgent: null })).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifyCredentials({ credentials: { email: uniqueEmail(), password: 'p'.repeat(2_000_000) }, ip: ip(), userAgent: null })).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('sessions', () => {
  async function signIn(email: string, password = PASSWORD) {
    const result = await verifyCredentials({ credentials: { email, password }, ip: ip(), userAgent: null });
    if (!result.ok) throw new Error('sign-in failed');
    return result.sessionId;
  }

  it('signs out every device', async () => {
    const user = await register();
    const userId = trustedUserId(user.id);
    const [first, second] = [await signIn(user.email), await signIn(user.email)];
    expect(await revokeAllSessions({ userId })).toBe(2);
    expect(await findActiveSession({ sessionId: first, userId })).toBeNull();
    expect(await findActiveSession({ sessionId: second, userId })).toBeNull();
  });

  it('ends every other session when the password changes, and the new password works', async () => {
    const user = await register();
    const userId = trustedUserId(user.id);
    const current = await signIn(user.email);
    const other = await signIn(user.email);
    const newPassword = 'a brand new passphrase 2026';
    expect(await changePassword({ userId, currentSessionId: current, currentPassword: PASSWORD, newPassword })).toEqual({ revokedSessions: 1 });
    expect(await findActiveSession({ sessionId: current, userId })).not.toBeNull();
    expect(await findActiveSession({ sessionId: other, userId })).toBeNull();
    expect((await verifyCredentials({ credentials: { email: user.email, password: PASSWORD }, ip: ip(), userAgent: null })).ok).toBe(false);
    expect((await verifyCredentials({ credentials: { email: user.email, password: newPassword }, ip: ip(), userAgent: null })).ok).toBe(true);
  });

  it('refuses a password change with the wrong current password and changes nothing', async () => {
    const user = await register();
    const userId = trustedUserId(user.id);
    const current = await signIn(user.email);
    const other = await signIn(user.email);
    await expect(changePassword({ userId, currentSessionId: current, currentPassword: 'wrong password!', newPassword: 'another passphrase 77' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    expect(await findActiveSession({ sessionId: other, userId })).not.toBeNull();
    expect((await verifyCredentials({ credentials: { email: user.email, password: PASSWORD }, ip: ip(), userAgent: null })).ok).toBe(true);
  });
});
