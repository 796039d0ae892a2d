import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Cron routes answer only to `Authorization: Bearer $CRON_SECRET`; without a secret configured they do not exist. */
export function authorizeCron(request: Request): void {
  const secret = getEnv().CRON_SECRET;
  if (!secret) throw new AppError('not_found', 'Not found.');
  const header = request.headers.get('authorization') ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : '';
  if (!timingSafeEqual(digest(token), digest(secret))) throw new AppError('unauthenticated', 'A valid cron secret is required.');
}
