import { expect, type Locator, type Page } from '@playwright/test';

export const TOKEN = 'e2e-token';

/** Opens the IDE with the test server's token and waits for the element tree. */
export async function openIde(page: Page): Promise<void> {
  await page.goto(`/#token=${TOKEN}`);
  await expect(page.getByTestId('tree-item-models.Order')).toBeVisible();
}

/**
 * Picks an option of an antd Select by its visible text. Long lists are virtualised, so searchable
 * selects get `search` typed first to bring the option into view.
 */
export async function pick(
  page: Page,
  select: Locator,
  option: string | RegExp,
  search?: string,
): Promise<void> {
  await select.click();
  if (search) await page.keyboard.type(search);
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
  await dropdown.locator('.ant-select-item-option', { hasText: option }).first().click();
}

/** Replaces the whole text of a Monaco editor inside `container`. */
export async function setMonacoText(page: Page, container: Locator, text: string): Promise<void> {
  const editor = container.locator('.monaco-editor').first();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // Typing would meet Monaco's auto-closing brackets and auto-indent; a paste inserts the text as is.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('ControlOrMeta+V');
}

/** Calls the REST API with the test token (for arranging and asserting what the UI cannot show). */
export async function api(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: any }> {
  const res = await page.request.fetch(`/api${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status(), json: await res.json() };
}

/** Chooses the record with `id` in a ref field's search box (typing the id finds it). */
export async function pickRecord(page: Page, field: Locator, id: number): Promise<void> {
  await field.click();
  await page.keyboard.type(String(id));
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
  await dropdown
    .locator('.ant-select-item-option', { hasText: new RegExp(`^#${id}( ·|$)`) })
    .first()
    .click();
  await expect(field).toContainText(`#${id}`);
}

/**
 * A customer and a product of the demo, written over the API, for order lines to point at. `key`
 * makes their business ids unique (the specs share one server).
 */
export async function arrangeCustomerAndProduct(
  page: Page,
  key: string,
  names: { customer: string; product: string } = { customer: 'Erin Example', product: 'Stapler' },
): Promise<{ customer: number; product: number }> {
  const customer = await api(page, 'POST', '/data/models.Customer', {
    customerId: `E2E-${key}`,
    name: names.customer,
    segment: 'Consumer',
  });
  const product = await api(page, 'POST', '/data/models.Product', {
    productId: `E2E-P-${key}`,
    name: names.product,
    category: 'Office Supplies',
    subCategory: 'Fasteners',
  });
  expect([customer.status, product.status]).toEqual([201, 201]);
  return { customer: customer.json.id, product: product.json.id };
}
