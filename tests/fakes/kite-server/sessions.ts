import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FakeClock } from './clock';
import { inputError, invalidTokenError, KiteHttpError } from './http-io';
import { nextSixAmIst } from './ist-time';

export type KiteApp = { apiKey: string; apiSecret: string; redirectUrl: string; name: string };

type RequestTokenRecord = { apiKey: string; userId: string; issuedAt: number; used: boolean };

export type AccessSession = {
  apiKey: string;
  userId: string;
  accessToken: string;
  publicToken: string;
  enctoken: string;
  loginTime: Date;
  expiresAt: number;
  revoked: boolean;
};

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Kite's request and access tokens are 32 alphanumeric characters. */
export function randomToken(length = 32): string {
  const bytes = randomBytes(length * 2);
  let out = '';
  for (const byte of bytes) {
    // Rejection sampling keeps the alphabet uniform (248 = 4 * 62).
    if (byte < 248) out += ALPHANUMERIC[byte % 62];
    if (out.length === length) return out;
  }
  return out + randomToken(length - out.length);
}

export const kiteChecksum = (apiKey: string, token: string, apiSecret: string) =>
  createHash('sha256').update(apiKey + token + apiSecret).digest('hex');

function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

export class SessionStore {
  readonly apps = new Map<string, KiteApp>();
  readonly #requestTokens = new Map<string, RequestTokenRecord>();
  readonly #sessions = new Map<string, AccessSession>();

  constructor(
    private readonly clock: FakeClock,
    public requestTokenTtlMs: number,
  ) {}

  addApp(app: KiteApp): void {
    this.apps.set(app.apiKey, app);
  }

  issueRequestToken(apiKey: string, userId: string): string {
    const token = randomToken();
    this.#requestTokens.set(token, { apiKey, userId, issuedAt: this.clock.nowMs(), used: false });
    return token;
  }

  /** POST /session/token. The checksum proves the caller holds the api_secret; the token is single use. */
  exchange(params: { apiKey?: string; requestToken?: string; checksum?: string }): AccessSession {
    const { apiKey, requestToken, checksum } = params;
    if (!apiKey) throw inputError('Missing `api_key`.');
    if (!requestToken) throw inputError('Missing `request_token`.');
    if (!checksum) throw inputError('Missing `checksum`.');
    const app = this.apps.get(apiKey);
    if (!app) throw inputError('Invalid `api_key`.');
    if (!sameHex(checksum.toLowerCase(), kiteChecksum(apiKey, requestToken, app.apiSecret))) {
      throw new KiteHttpError(403, 'TokenException', 'Invalid `checksum`.');
    }
    const record = this.#requestTokens.get(requestToken);
    const expired = record !== undefined && this.clock.nowMs() - record.issuedAt > this.requestTokenTtlMs;
    if (!record || record.used || expired || record.apiKey !== apiKey) {
      throw new KiteHttpError(403, 'TokenException', 'Token is invalid or has expired.');
    }
    record.used = true;
    const loginTime = this.clock.now();
    const session: AccessSession = {
      apiKey,
      userId: record.userId,
      accessToken: randomToken(),
      publicToken: randomToken(),
      enctoken: randomBytes(48).toString('base64'),
      loginTime,
      expiresAt: nextSixAmIst(loginTime).getTime(),
      revoked: false,
    };
    this.#sessions.set(session.accessToken, session);
    return session;
  }

  /** Checks `X-Kite-Version: 3` and `Authorization: token api_key:access_token`. */
  authenticate(authorization: string | undefined, version: string | undefined): AccessSession {
    if (version !== '3') throw invalidTokenError();
    const match = /^token ([^:\s]+):(\S+)$/.exec(authorization ?? '');
    if (!match) throw invalidTokenError();
    const [, apiKey, accessToken] = match;
    const session = accessToken === undefined ? undefined : this.#sessions.get(accessToken);
    if (!session || session.apiKey !== apiKey || session.revoked || this.clock.nowMs() >= session.expiresAt) {
      throw invalidTokenError();
    }
    return session;
  }

  /** DELETE /session/token. */
  invalidate(apiKey: string | undefined, accessToken: string | undefined): void {
    const session = accessToken === undefined ? undefined : this.#sessions.get(accessToken);
    if (!session || session.apiKey !== apiKey || session.revoked) throw invalidTokenError();
    session.revoked = true;
  }

  expireAccessTokens(filter?: { userId?: string; apiKey?: string }): number {
    let count = 0;
    for (const session of this.#sessions.values()) {
      if (filter?.userId !== undefined && session.userId !== filter.userId) continue;
      if (filter?.apiKey !== undefined && session.apiKey !== filter.apiKey) continue;
      session.expiresAt = Math.min(session.expiresAt, this.clock.nowMs());
      count += 1;
    }
    return count;
  }

  expireRequestTokens(): void {
    for (const record of this.#requestTokens.values()) record.issuedAt = -Infinity;
  }

  activeSessions(): AccessSession[] {
    const now = this.clock.nowMs();
    return [...this.#sessions.values()].filter((s) => !s.revoked && now < s.expiresAt);
  }

  reset(): void {
    this.#requestTokens.clear();
    this.#sessions.clear();
  }
}
