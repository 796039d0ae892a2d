import { expect, test, type Page } from '@playwright/test';
import { registerViaApi, signInViaForm } from '../fixtures';

const onTick = (rupees: string, factor: number, direction: 'up' | 'down') => {
  const paise = Math.round(Number(rupees) * 100 * factor);
  const ticks = direction === 'up' ? Math.ceil(paise / 5) : Math.floor(paise / 5);
  return ((ticks * 5) / 100).toFixed(2);
};

async function infyQuote(page: Page) {
  const body = (await (await page.request.get('/api/v1/market/quote?i=NSE:INFY')).json()) as { quotes: Record<string, { bid: string; ask: string }> };
  return body.quotes['NSE:INFY'] as { bid: string; ask: string };
}

test('place a resting LIMIT from a prefilled ticket, move it through the touch and watch it fill; cancel; reset', async ({ page }) => {
  const user = await registerViaApi(page.request);
  await page.goto('/sign-in');
  await signInViaForm(page, user);
  await expect(page).toHaveURL(/\/dashboard$/);

  const { bid } = await infyQuote(page);
  const low = onTick(bid, 0.9, 'down');
  await page.goto(`/paper?exchange=NSE&tradingsymbol=INFY&transaction_type=BUY&order_type=LIMIT&quantity=10&price=${low}&trigger_price=&product=CNC`);
  const ticket = page.getByRole('form', { name: 'Order ticket' });
  await expect(ticket.getByLabel('Instrument')).toHaveValue('INFY');
  await expect(ticket.getByLabel('Price', { exact: true })).toHaveValue(low);
  // Margin and charges are shown before placing, with the price source.
  await expect(page.getByTestId('ticket-margin')).toContainText('₹');
  await expect(page.getByTestId('ticket-preview')).toContainText('Simulated');
  await ticket.getByRole('button', { name: /^Buy INFY/ }).click();
  await expect(ticket.getByRole('status')).toContainText('(OPEN)');
  const row = page.getByTestId('order-row').first();
  await expect(row).toHaveAttribute('data-status', 'OPEN');

  // Move the limit through the ask: the next evaluation fills it at the touch, never worse than the limit.
  const { ask } = await infyQuote(page);
  await row.getByRole('button', { name: 'Modify' }).click();
  await row.getByLabel('New price').fill(onTick(ask, 1.02, 'up'));
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(row).toHaveAttribute('data-status', 'COMPLETE');

  await page.getByRole('tab', { name: 'Positions' }).click();
  await expect(page.getByTestId('position-row')).toHaveCount(1);
  await expect(page.getByTestId('position-row')).toContainText('Simulated');
  await expect(page.getByTestId('position-pnl')).toContainText('₹');
  await page.getByRole('tab', { name: 'Trades' }).click();
  await page.getByTestId('trade-charges').click();
  await expect(page.getByTestId('trade-row')).toContainText('Stamp duty');
  await expect(page.getByTestId('paper-charges')).not.toHaveText('₹0.00');

  // A second resting order, cancelled from the order book with the keyboard.
  await page.getByRole('tab', { name: /Orders/ }).click();
  await ticket.getByLabel('Quantity').fill('1');
  await ticket.getByRole('button', { name: /^Buy INFY/ }).click();
  await expect(page.getByTestId('order-row').and(page.locator('[data-status="OPEN"]'))).toHaveCount(1);
  const cancel = page.getByRole('button', { name: /^Cancel order BUY 1 INFY/ });
  await cancel.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('order-row').and(page.locator('[data-status="CANCELLED"]'))).toHaveCount(1);

  await page.screenshot({ path: 'test-results/paper-trading.png', fullPage: true });

  // Reset with confirmation; the old account stays viewable.
  await page.getByRole('button', { name: 'Reset account…' }).click();
  await page.getByRole('button', { name: 'Yes, reset' }).click();
  await expect(page.getByTestId('paper-available')).toHaveText('₹1,00,000.00');
  await expect(page.getByTestId('order-row')).toHaveCount(0);
  await page.getByRole('button', { name: /^View account opened/ }).first().click();
  await expect(page.getByTestId('order-row')).toHaveCount(2);
  await page.getByRole('tab', { name: 'Performance' }).click();
  await expect(page.getByRole('img', { name: /Equity curve/ })).toBeVisible();
});

test('the paper page works at phone width: ticket usable, no sideways scrolling of the page', async ({ page }) => {
  const user = await registerViaApi(page.request);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/sign-in');
  await signInViaForm(page, user);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto('/paper?exchange=NSE&tradingsymbol=RELIANCE&transaction_type=SELL&order_type=MARKET&quantity=2&product=MIS');
  const ticket = page.getByRole('form', { name: 'Order ticket' });
  await expect(ticket.getByRole('button', { name: /^Sell RELIANCE/ })).toBeVisible();
  await expect(page.getByTestId('ticket-margin')).toContainText('₹');
  await ticket.getByRole('button', { name: /^Sell RELIANCE/ }).click();
  await expect(ticket.getByRole('status')).toContainText('(COMPLETE)');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/paper-trading-phone.png', fullPage: true });
});
