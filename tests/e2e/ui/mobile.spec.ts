import { expect, test } from '@playwright/test';
import { registerViaApi, signInViaForm } from '../fixtures';

test('the shell is usable on a phone', async ({ page, request }) => {
  const user = await registerViaApi(request);
  await page.goto('/sign-in');
  await signInViaForm(page, user);
  await expect(page).toHaveURL(/\/dashboard$/);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Paper trading' }).click();
  await expect(page.getByRole('heading', { name: 'Paper trading', level: 1 })).toBeVisible();
  // Nothing wider than the screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: test.info().outputPath('paper-mobile.png'), fullPage: true });
});
