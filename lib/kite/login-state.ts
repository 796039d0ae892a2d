import 'server-only';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { getAuthSecret } from '@/lib/auth/secret';
import { db } from '@/lib/db/client';

export const LOGIN_STATE_TTL_MS = 10 * 60 * 1000;
/** connect: link Kite to a signed-in user; sign-in: Login with Zerodha; ticket: the verified sign-in handed to Auth.js. */
export type LoginPurpose = 'connect' | 'sign-in' | 'ticket';

function sign(id: string): string {
  return createHmac('sha256', getAuthSecret()).update(`kite-login-state:${id}`).digest('base64url');
}

/**
 * A single-use, expiring state for the Kite redirect, bound to the browser session that started it.
 * The string carries only a random id and its HMAC; who it belongs to stays in the database.
 */
export async function createLoginState({
  userId,
  sessionId,
  purpose,
  now = new Date(),
}: {
  userId: string | null;
  sessionId: string | null;
  purpose: LoginPurpose;
  now?: Date;
}): Promise<string> {
  const id = randomUUID();
  await db().kiteLoginState.create({ data: { id, userId, sessionId, purpose, expiresAt: new Date(now.getTime() + LOGIN_STATE_TTL_MS) } });
  // Expired rows are useless; trimming them here keeps the table small without a job.
  await db().kiteLoginState.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - LOGIN_STATE_TTL_MS) } } });
  return `${id}.${sign(id)}`;
}

function verifiedId(state: string): string | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(state);
  if (!match?.[1] || !match[2]) return null;
  const expected = Buffer.from(sign(match[1]));
  const given = Buffer.from(match[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? match[1] : null;
}

/**
 * Uses the state up, in one statement that also checks owner, session, purpose and expiry, so a
 * forged, replayed, expired or someone else's state is rejected and two racing callbacks cannot both win.
 */
export async function consumeLoginState({
  state,
  userId,
  sessionId,
  purpose,
  now = new Date(),
}: {
  state: string;
  userId: string | null;
  sessionId: string | null;
  purpose: LoginPurpose;
  now?: Date;
}): Promise<boolean> {
  const id = verifiedId(state);
  if (!id) return false;
  const { count } = await db().kiteLoginState.updateMany({
    where: { id, userId, sessionId, purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return count === 1;
}

/**
 * Redeems a one-time sign-in ticket: the update is the single-use guard, then the owner is read.
 * Returns the user id the ticket was minted for, or null.
 */
export async function redeemTicket({ ticket, now = new Date() }: { ticket: string; now?: Date }): Promise<string | null> {
  const id = verifiedId(ticket);
  if (!id) return null;
  const { count } = await db().kiteLoginState.updateMany({
    where: { id, purpose: 'ticket', usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count !== 1) return null;
  const row = await db().kiteLoginState.findUnique({ where: { id }, select: { userId: true } });
  return row?.userId ?? null;
}
