import { expect, test } from '@playwright/test';

// The operator's platform app (the sandbox's demo app, configured in playwright.config.ts) enables
// "Login with Zerodha". EF9012 is a fake Zerodha user no other browser test signs in as.
test('Login with Zerodha creates an account on first use and signs the same account in again', async ({ browser }) => {
  const loginAsZerodhaUser = async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Login with Zerodha' }).click();
    await expect(page.getByRole('heading', { name: 'Login to Kite' })).toBeVisible();
    await page.getByRole('button', { name: /\(EF9012\)/ }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    const me = (await (await page.request.get('/api/v1/me')).json()) as { user: { id: string; email: string } };
    await context.close();
    return me.user;
  };
  const first = await loginAsZerodhaUser();
  const second = await loginAsZerodhaUser();
  expect(second.id).toBe(first.id);
  // The account is found again by the verified Zerodha user id; its email is the one Zerodha gave.
  expect(first.email).toBe('rohan.mehta@example.in');
});

test('a cancelled Zerodha login comes back to sign-in with a clear message', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Login with Zerodha' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole('alert').filter({ hasText: /cancel/i })).toBeVisible();
});
