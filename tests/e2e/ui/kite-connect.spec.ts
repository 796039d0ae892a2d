import { DEMO_APP } from '../../fakes/kite-server/demo-app';
import { expect, type Page, test } from '@playwright/test';
import { fakeKiteURL, newUser, registerViaApi, signInViaForm } from '../fixtures';

// The sandbox's demo app (tests/fakes/kite-server DEMO_APP); its redirect URL is this app's callback.
const DEMO = { apiKey: DEMO_APP.apiKey, apiSecret: DEMO_APP.apiSecret };

/** Every response body and page the browser saw, to prove no secret ever reaches it. */
function captureBodies(page: Page): string[] {
  const bodies: string[] = [];
  page.on('response', async (response) => {
    if (response.url().startsWith(fakeKiteURL)) return;
    try {
      bodies.push(await response.text());
    } catch {
      // redirects and aborted requests have no body
    }
  });
  return bodies;
}

// Tests run in parallel against one fake Kite: a test that expires tokens uses an app of its own.
const EXPIRY_APP = { apiKey: 'tdexpiryapp00001', apiSecret: 'tdexpiryappsecret00000000000001' };

async function signUpAndLink(page: Page, label: string, zerodhaUser: string, app = DEMO) {
  const user = await registerViaApi(page.request, newUser(label));
  await page.goto('/sign-in');
  await signInViaForm(page, user);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto('/settings');
  const section = page.getByRole('region', { name: 'Zerodha' });
  await expect(section.getByTestId('kite-redirect-url')).toHaveText(/\/api\/kite\/callback$/);

  // Bad input first: field errors, the typed api_key kept, nothing stored.
  await section.getByLabel('api_key').fill('bad key!');
  await section.getByRole('button', { name: 'Save app' }).click();
  await expect(section.getByText(/An api_key is 6-64 letters and digits/)).toBeVisible();
  await expect(section.getByText('Enter the api_secret.')).toBeVisible();
  await expect(section.getByLabel('api_key')).toHaveValue('bad key!');

  await section.getByLabel('api_key').fill(app.apiKey);
  await section.getByLabel('api_secret').fill(app.apiSecret);
  await section.getByRole('button', { name: 'Save app' }).click();
  await expect(section.getByTestId('kite-api-key')).toHaveText(`${app.apiKey.slice(0, 4)}••••••••${app.apiKey.slice(-4)}`);

  await section.getByRole('link', { name: 'Connect Zerodha' }).click();
  await expect(page.getByRole('heading', { name: 'Login to Kite' })).toBeVisible();
  await page.getByRole('button', { name: new RegExp(`\\(${zerodhaUser}\\)`) }).click();
  await expect(page).toHaveURL(/\/settings\?kite=connected/);
  await expect(page.getByRole('status').filter({ hasText: 'Zerodha is connected' })).toBeVisible();
  await expect(page.getByTestId('kite-connection')).toContainText(`Connected as ${zerodhaUser}`);
  return user;
}

test('save an app, connect through the Kite login page, see live holdings; cancel shows a clear message', async ({ page }) => {
  const bodies = captureBodies(page);
  const added = await page.request.post(`${fakeKiteURL}/__control/add-app`, {
    data: { ...EXPIRY_APP, redirectUrl: new URL('/api/kite/callback', test.info().project.use.baseURL).toString() },
  });
  expect(added.ok()).toBe(true);
  await signUpAndLink(page, 'kiteui', 'AB1234', EXPIRY_APP);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
  await expect(page.getByTestId('portfolio-source')).toContainText('LIVE');
  await expect(page.getByTestId('portfolio-source')).toContainText(/fetched .* IST/);
  const holdings = page.getByRole('table', { name: 'Holdings' });
  await expect(holdings.getByRole('rowheader', { name: /HDFCBANK/ })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: '₹' }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('button', { name: 'Refresh' })).toBeEnabled();
  await expect(page.getByTestId('portfolio-source')).toContainText('LIVE');
  for (const tab of ['Positions', 'Orders', 'Trades', 'Funds']) {
    await page.getByRole('link', { name: tab, exact: true }).click();
    await expect(page.getByRole('link', { name: tab, exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('portfolio-source')).toContainText('LIVE');
  }

  // A cancelled login leaves the existing session and says what happened.
  await page.goto('/settings');
  await page.getByRole('link', { name: 'Reconnect Zerodha' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The Zerodha login was cancelled' })).toBeVisible();

  // Expiry: the portfolio keeps the dated snapshot and offers a one-click reconnect.
  await page.request.post(`${fakeKiteURL}/__control/expire-tokens`, { data: { apiKey: EXPIRY_APP.apiKey } });
  await page.goto('/portfolio');
  await expect(page.getByTestId('portfolio-source')).toContainText('SNAPSHOT');
  await expect(page.getByRole('status').filter({ hasText: 'session has expired' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Reconnect Zerodha' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Holdings' }).getByRole('rowheader', { name: /HDFCBANK/ })).toBeVisible();

  await page.goto('/settings');
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(page.getByTestId('kite-connection')).toHaveText('Not connected');
  await expect(page.getByRole('button', { name: 'Disconnect' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Remove app' }).click();
  await expect(page.getByTestId('kite-api-key')).toHaveCount(0);
  await expect(page.getByText('Link your Kite Connect app')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('kite-api-key')).toHaveCount(0);

  for (const body of bodies) expect(body).not.toContain(EXPIRY_APP.apiSecret);
  expect(bodies.join('\n')).not.toMatch(/access_token/);
});

test('two users linked to different Zerodha accounts each see only their own holdings', async ({ browser }) => {
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const pageA = await contextA.newPage();
  const pageB = await contextB.newPage();
  await signUpAndLink(pageA, 'kitea', 'AB1234');
  await signUpAndLink(pageB, 'kiteb', 'CD5678');

  await pageA.goto('/portfolio');
  await pageB.goto('/portfolio');
  const holdingsA = pageA.getByRole('table', { name: 'Holdings' });
  const holdingsB = pageB.getByRole('table', { name: 'Holdings' });
  await expect(holdingsA.getByRole('rowheader', { name: /HDFCBANK/ })).toBeVisible();
  await expect(holdingsB.getByRole('rowheader', { name: /BHARTIARTL/ })).toBeVisible();
  await expect(holdingsA.getByRole('rowheader', { name: /BHARTIARTL/ })).toHaveCount(0);
  await expect(holdingsB.getByRole('rowheader', { name: /HDFCBANK/ })).toHaveCount(0);
  await contextA.close();
  await contextB.close();
});
