import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { registerViaApi, signInViaForm } from '../fixtures';

async function chartPng(width: number, height: number, label: string): Promise<Buffer> {
  const candles = Array.from({ length: 30 }, (_, i) => `<rect x="${20 + i * 30}" y="${200 + Math.round(Math.sin(i) * 80)}" width="16" height="${40 + (i % 5) * 10}" fill="${i % 2 ? '#26a69a' : '#ef5350'}"/>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#131722"/>${candles}<text x="20" y="40" fill="#fff" font-size="28">${label}</text></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

async function openAnalysisPage(page: Page, request: Parameters<typeof registerViaApi>[0]) {
  const user = await registerViaApi(request);
  await page.goto('/analysis');
  await signInViaForm(page, user);
  await expect(page).toHaveURL(/\/analysis$/);
}

test('a chart screenshot becomes an analysis with a plan that opens the paper ticket', async ({ page, request }) => {
  await openAnalysisPage(page, request);
  await page.getByLabel('Choose images').setInputFiles({ name: 'infy.png', mimeType: 'image/png', buffer: await chartPng(1600, 900, 'INFY 15 NSE') });
  await expect(page.getByRole('img', { name: /Preview of image 1/ })).toBeVisible();
  await page.getByLabel('Question (optional)').fill('Where would I buy?');
  await page.getByRole('button', { name: 'Analyse' }).click();

  await expect(page).toHaveURL(/\/analysis\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('analysis-status')).toHaveText('Analysis complete.', { timeout: 20_000 });
  await expect(page.getByTestId('result-instrument')).toContainText('INFY');
  await expect(page.getByTestId('plan-entry')).toHaveText('₹1,872.40');
  await expect(page.getByText('Ascending triangle')).toBeVisible();
  await expect(page.getByRole('img', { name: /Screenshot 1 as sent to Claude/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/analysis-chart.png', fullPage: true });

  await page.getByRole('link', { name: 'Paper trade this plan' }).click();
  await expect(page).toHaveURL(/\/paper\?/);
  const params = new URL(page.url()).searchParams;
  expect(Object.fromEntries(params)).toEqual({
    exchange: 'NSE',
    tradingsymbol: 'INFY',
    transaction_type: 'BUY',
    order_type: 'LIMIT',
    price: '1872.4',
    quantity: '1',
    product: 'CNC',
    plan_stop: '1851.9',
    plan_target: '1898.75',
  });
  // The stop and the target come with it, one click from the ticket.
  const plan = page.getByTestId('plan-panel');
  await expect(plan.getByRole('link')).toHaveText(['Entry: BUY LIMIT at 1872.4', 'Stop: SELL SL, trigger 1851.9', 'Target: SELL LIMIT at 1898.75']);
  await plan.getByRole('link', { name: /^Stop/ }).click();
  await expect(page.getByLabel('Order type')).toHaveValue('SL');
  await expect(page.getByLabel('Trigger price')).toHaveValue('1851.9');
  await expect(page.getByRole('radio', { name: 'SELL' })).toBeChecked();

  // The history lists it with a thumbnail, and the filter finds it.
  await page.goto('/analysis?kind=chart&instrument=INFY');
  await expect(page.getByTestId('analysis-row')).toHaveCount(1);
  // The thumbnail is decorative (alt=""), so it is found by tag, and it must have loaded.
  const thumbnail = page.getByTestId('analysis-row').locator('img');
  await expect(thumbnail).toBeVisible();
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await page.screenshot({ path: 'test-results/analysis-list.png', fullPage: true });
  await page.goto('/analysis?kind=broker');
  await expect(page.getByText('No analyses match this filter.')).toBeVisible();
});

test('a broker screenshot becomes reviewed journal trades', async ({ page, request }) => {
  await openAnalysisPage(page, request);
  await page.getByLabel('Broker screenshot → trades').check();
  await page.getByLabel('Choose images').setInputFiles({ name: 'tradebook.png', mimeType: 'image/png', buffer: await chartPng(1200, 700, 'Trade book') });
  await page.getByRole('button', { name: 'Analyse' }).click();

  await expect(page.getByRole('heading', { name: 'Review the extracted trades' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('trade-row')).toHaveCount(2);
  await page.getByLabel('Row 1 quantity').fill('12');
  await page.getByRole('button', { name: 'Remove row 2' }).click();
  await page.screenshot({ path: 'test-results/analysis-broker.png', fullPage: true });
  await page.getByRole('button', { name: 'Save 1 trade to journal' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved 1 trade to your journal.' })).toBeVisible();

  await page.getByRole('button', { name: 'Save 1 trade to journal' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Saved 0 trades.*Skipped 1 already in your journal/ })).toBeVisible();

  const journal = (await (await page.request.get('/api/v1/journal')).json()) as { trades: { tradingsymbol: string; quantity: number; price: string; traded_at: string }[] };
  expect(journal.trades).toEqual([expect.objectContaining({ tradingsymbol: 'INFY', quantity: 12, price: '1872.40', traded_at: '2026-11-20T04:02:14.000Z' })]);
});

test('the analysis page fits a phone screen', async ({ page, request }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openAnalysisPage(page, request);
  await expect(page.getByRole('button', { name: 'Analyse' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.screenshot({ path: 'test-results/analysis-phone.png', fullPage: true });
});
