import { expect, test } from '@playwright/test';
import { registerViaApi, signInViaApi } from '../fixtures';

test('two users each see only their own account and paper account', async ({ playwright, baseURL }) => {
  const alice = await playwright.request.newContext({ baseURL });
  const bob = await playwright.request.newContext({ baseURL });
  const aliceUser = await registerViaApi(alice);
  const bobUser = await registerViaApi(bob);
  await signInViaApi(alice, aliceUser);
  await signInViaApi(bob, bobUser);

  const aliceMe = (await (await alice.get('/api/v1/me')).json()) as { user: { id: string; email: string } };
  const bobMe = (await (await bob.get('/api/v1/me')).json()) as { user: { id: string; email: string } };
  expect(aliceMe.user.email).toBe(aliceUser.email);
  expect(bobMe.user.email).toBe(bobUser.email);

  const aliceAccount = (await (await alice.get('/api/v1/paper/account')).json()) as { account: { id: string; cash: string } };
  const bobAccountResponse = await bob.get('/api/v1/paper/account');
  const bobText = await bobAccountResponse.text();
  expect(aliceAccount.account.cash).toBe('100000.00');
  expect(bobText).not.toContain(aliceAccount.account.id);
  expect(bobText).not.toContain(aliceMe.user.id);
  expect(JSON.parse(bobText)).toMatchObject({ account: { cash: '100000.00' } });

  // Alice still sees hers, unchanged.
  expect(((await (await alice.get('/api/v1/paper/account')).json()) as { account: { id: string } }).account.id).toBe(aliceAccount.account.id);
  await Promise.all([alice.dispose(), bob.dispose()]);
});
