import { EnvError, getEnv } from '@/lib/env';
import { localSecret } from '@/lib/config/local-secret';

/** AUTH_SECRET from the environment; required for a production server on Postgres. */
export function getAuthSecret(): string {
  const env = getEnv();
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === 'production' && env.DATABASE_URL) {
    throw new EnvError(
      'AUTH_SECRET is not set. A production server on Postgres needs AUTH_SECRET (at least 32 random characters, e.g. `openssl rand -base64 32`).',
    );
  }
  return localSecret('auth-secret');
}
