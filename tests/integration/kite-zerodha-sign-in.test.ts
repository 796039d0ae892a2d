import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { resetEnvCache } from '@/lib/env';
import { completeZerodhaSignIn, signInWithTicket, startZerodhaSignIn, zerodhaSignInEnabled } from '@/lib/kite/zerodha-sign-in';
import type { FakeKite } from '@/tests/fakes/kite-server';
import { useFakeKite } from '@/tests/support/fake-kite';

const fakeKite = useFakeKite({ rateLimits: false });
let kite: FakeKite;
beforeAll(() => {
  kite = fakeKite();
});

function configure(on: boolean) {
  if (on) {
    process.env.KITE_API_KEY = kite.control.demoApp.apiKey;
    process.env.KITE_API_SECRET = kite.control.demoApp.apiSecret;
  } else {
    delete process.env.KITE_API_KEY;
    delete process.env.KITE_API_SECRET;
  }
  resetEnvCache();
}

async function loginAs(zerodhaUserId: string, status = 'success') {
  const started = await startZerodhaSignIn();
  if (!started) throw new Error('not configured');
  const state = new URLSearchParams(new URL(started.url).searchParams.get('redirect_params') ?? '').get('state') ?? '';
  const request_token = kite.control.issueRequestToken(kite.control.demoApp.apiKey, zerodhaUserId);
  return { started, state, request_token, result: await completeZerodhaSignIn({ nonce: started.nonce, query: { state, status, request_token } }) };
}

describe('Login with Zerodha', () => {
  it('is off unless the operator configured a platform app', async () => {
    configure(false);
    expect(zerodhaSignInEnabled()).toBe(false);
    expect(await startZerodhaSignIn()).toBeNull();
    expect(await completeZerodhaSignIn({ nonce: randomUUID(), query: { state: 'x' } })).toEqual({ ok: false, outcome: 'not_configured' });
  });

  it('creates an account for a first-time Zerodha user and signs the same account in next time', async () => {
    configure(true);
    const first = await loginAs('AB1234');
    if (!first.result.ok) throw new Error(first.result.outcome);
    const user = await signInWithTicket({ ticket: first.result.ticket, userAgent: 'test' });
    expect(user).toMatchObject({ email: 'aarav.sharma@example.in', name: 'Aarav Sharma' });
    expect(await signInWithTicket({ ticket: first.result.ticket, userAgent: 'test' })).toBeNull();

    const second = await loginAs('AB1234');
    if (!second.result.ok) throw new Error(second.result.outcome);
    expect((await signInWithTicket({ ticket: second.result.ticket, userAgent: 'test' }))?.id).toBe(user?.id);
    expect(await db().user.count({ where: { zerodhaUserId: 'AB1234' } })).toBe(1);
  });

  it('never links to an existing account by email alone', async () => {
    configure(true);
    const existing = await db().user.create({ data: { email: 'priya.nair@example.in', name: 'Someone else' }, select: { id: true } });
    const { result } = await loginAs('CD5678');
    if (!result.ok) throw new Error(result.outcome);
    const user = await signInWithTicket({ ticket: result.ticket, userAgent: null });
    expect(user?.id).not.toBe(existing.id);
    expect(user?.email).toBe('cd5678@zerodha.invalid');
  });

  it('rejects a state from another browser, a replay, a cancel and a forged ticket', async () => {
    configure(true);
    const { started, state, request_token, result } = await loginAs('EF9012', 'cancelled');
    expect(result).toEqual({ ok: false, outcome: 'cancelled' });
    expect(await completeZerodhaSignIn({ nonce: started.nonce, query: { state, status: 'success', request_token } })).toEqual({ ok: false, outcome: 'invalid_state' });
    const fresh = await startZerodhaSignIn();
    const freshState = new URLSearchParams(new URL(fresh?.url ?? 'http://x').searchParams.get('redirect_params') ?? '').get('state') ?? '';
    expect(await completeZerodhaSignIn({ nonce: randomUUID(), query: { state: freshState, status: 'success', request_token } })).toEqual({ ok: false, outcome: 'invalid_state' });
    expect(await completeZerodhaSignIn({ nonce: 'not-a-uuid', query: { state: freshState } })).toEqual({ ok: false, outcome: 'invalid_state' });
    expect(await signInWithTicket({ ticket: `${randomUUID()}.${'A'.repeat(43)}`, userAgent: null })).toBeNull();
    expect(await signInWithTicket({ ticket: '', userAgent: null })).toBeNull();
  });
});
