import { expect, test } from '@playwright/test';
import { newUser, registerViaApi, signInViaForm } from '../fixtures';

test('register → shell → sign out → sign in again', async ({ page }) => {
  const user = newUser('asha');
  await page.goto('/');
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByLabel('Name').fill(user.name);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Create account' }).click();

  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { name: `Hello, ${user.name}` })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const item of ['Dashboard', 'Portfolio', 'Paper trading', 'Analysis', 'Settings']) await expect(nav.getByRole('link', { name: item })).toBeVisible();
  await expect(page.getByTestId('paper-cash')).toHaveText('₹1,00,000.00');

  await nav.getByRole('link', { name: 'Portfolio' }).click();
  await expect(page.getByRole('heading', { name: 'Link Zerodha to see your portfolio' })).toBeVisible();
  await nav.getByRole('link', { name: 'Analysis' }).click();
  await expect(page.getByRole('heading', { name: 'Analysis', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard/);

  await signInViaForm(page, user);
  await expect(page).toHaveURL(/\/dashboard$/);
});

test('a wrong password shows an error and keeps the email', async ({ page, request }) => {
  const user = await registerViaApi(request);
  await page.goto('/sign-in');
  await signInViaForm(page, { email: user.email, password: 'not my password at all' });
  await expect(page.getByRole('alert').filter({ hasText: 'do not match' })).toHaveText('That email and password do not match an account.');
  await expect(page.getByLabel('Email')).toHaveValue(user.email);
  await expect(page).toHaveURL(/\/sign-in/);
});

test('a duplicate email is refused on sign-up with the name and email kept', async ({ page, request }) => {
  const user = await registerViaApi(request);
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill('Someone Else');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill('another fine passphrase');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'already exists' })).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveValue('Someone Else');
  await expect(page.getByLabel('Email')).toHaveValue(user.email);
});

test('field errors appear next to their fields', async ({ page }) => {
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill('Ravi');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Password').fill('password12');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Enter a valid email address.')).toBeVisible();
  await expect(page.getByText('This password is too common; choose another.')).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveValue('Ravi');
});

test('a protected page sends a visitor to sign in and back', async ({ page, request }) => {
  const user = await registerViaApi(request);
  await page.goto('/settings');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fsettings/);
  await signInViaForm(page, user);
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
});

test('changing the password signs out other devices', async ({ browser, request }) => {
  const user = await registerViaApi(request);
  const laptop = await browser.newPage();
  const phone = await browser.newPage({ storageState: undefined });
  for (const page of [laptop, phone]) {
    await page.goto('/sign-in');
    await signInViaForm(page, user);
    await expect(page).toHaveURL(/\/dashboard$/);
  }
  await laptop.goto('/settings');
  await laptop.getByLabel('Current password').fill(user.password);
  await laptop.getByLabel('New password', { exact: true }).fill('a new and different passphrase');
  await laptop.getByLabel('Repeat new password').fill('a new and different passphrase');
  await laptop.getByRole('button', { name: 'Change password' }).click();
  await expect(laptop.getByRole('status').filter({ hasText: 'Password changed' })).toContainText('1 other session was signed out');

  await phone.goto('/dashboard');
  await expect(phone).toHaveURL(/\/sign-in/);
  await laptop.goto('/dashboard');
  await expect(laptop).toHaveURL(/\/dashboard$/);
});

test('sign out of every device', async ({ browser, request }) => {
  const user = await registerViaApi(request);
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  for (const page of [first, second]) {
    await page.goto('/sign-in');
    await signInViaForm(page, user);
    await expect(page).toHaveURL(/\/dashboard$/);
  }
  await first.goto('/settings');
  await first.getByRole('button', { name: 'Sign out of every device' }).click();
  await expect(first).toHaveURL(/\/sign-in/);
  await second.goto('/paper');
  await expect(second).toHaveURL(/\/sign-in\?callbackUrl=%2Fpaper/);
});
