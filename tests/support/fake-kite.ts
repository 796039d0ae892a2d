import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import type { UserId } from '@/lib/auth/user-id';
import { db } from '@/lib/db/client';
import { resetEnvCache } from '@/lib/env';
import { completeKiteConnect, startKiteConnect } from '@/lib/kite/connect';
import { saveKiteApp } from '@/lib/kite/credentials';
import { type FakeKite, startFakeKite } from '@/tests/fakes/kite-server';
import { DEMO_APP } from '@/tests/fakes/kite-server/demo-app';

/** The fake Kite server's built-in demo app. */
export const DEMO_KITE_APP = { apiKey: DEMO_APP.apiKey, apiSecret: DEMO_APP.apiSecret };

const KITE_ENV = ['KITE_API_ROOT', 'KITE_LOGIN_URL', 'KITE_API_KEY', 'KITE_API_SECRET'] as const;

/** Runs a fake Kite server for the test file and points the app's Kite client at it. */
export function useFakeKite(options: Parameters<typeof startFakeKite>[0] = {}): () => FakeKite {
  let kite: FakeKite | undefined;
  beforeAll(async () => {
    kite = await startFakeKite(options);
    process.env.KITE_API_ROOT = kite.url;
    process.env.KITE_LOGIN_URL = kite.loginUrl;
    resetEnvCache();
  });
  afterAll(async () => {
    // The sessions it issued end with it: integration files share one database, and a later engine
    // pass over every account would otherwise take them for live and call the real Kite host. (The
    // epoch, not now: a file may still have Date set to some future day.)
    await db().kiteSession.updateMany({ where: { expiresAt: { gt: new Date(0) } }, data: { expiresAt: new Date(0) } });
    await kite?.close();
    for (const key of KITE_ENV) delete process.env[key];
    resetEnvCache();
  });
  return () => {
    if (!kite) throw new Error('the fake Kite server is not running (use it inside a test)');
    return kite;
  };
}

/** The login URL's signed state, as the browser would carry it back to the callback. */
export async function kiteLoginState({ userId, sessionId }: { userId: UserId; sessionId: string }): Promise<{ state: string; loginUrl: URL }> {
  const url = await startKiteConnect({ userId, sessionId });
  if (!url) throw new Error('no Kite login URL');
  const loginUrl = new URL(url);
  const state = new URLSearchParams(loginUrl.searchParams.get('redirect_params') ?? '').get('state');
  if (!state) throw new Error('no state in the Kite login URL');
  return { state, loginUrl };
}

/** Saves the demo app for the user and runs the whole connect flow as the given Zerodha user. */
export async function connectKite(kite: FakeKite, { userId, zerodhaUser = 'AB1234', app = DEMO_KITE_APP }: { userId: UserId; zerodhaUser?: string; app?: typeof DEMO_KITE_APP }) {
  const sessionId = randomUUID();
  await saveKiteApp({ userId, apiKey: app.apiKey, apiSecret: app.apiSecret });
  const { state } = await kiteLoginState({ userId, sessionId });
  const request_token = kite.control.issueRequestToken(app.apiKey, zerodhaUser);
  return completeKiteConnect({ userId, sessionId, query: { state, status: 'success', request_token } });
}
