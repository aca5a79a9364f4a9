import { expect, test } from '@playwright/test';

test('the server serves the IDE, which loads the element tree with the token', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/#token=e2e-token');
  await expect(page.getByText('Order', { exact: false }).first()).toBeVisible();
  expect(errors).toEqual([]);
});
