import { expect, test } from '@playwright/test';
import {
  api,
  arrangeCustomerAndProduct,
  openIde,
  pick,
  pickRecord,
  setMonacoText,
} from './helpers';

const NOTIFY = `export default async function (event, app) {
  const sales = event.next.sales;
  await app.notify({ to: 'ann', title: 'Big order', body: 'Order line ' + event.next.id + ': ' + sales });
}
`;

const FAILING = `export default async function (event, app) {
  const sales = event.next.sales;
  if (sales > 5000) {
    throw new Error('orders over 5000 need a manager');
  }
}
`;

test.describe.configure({ mode: 'serial' });

test('create a filtered after-create event, switch it on, and read its run', async ({ page }) => {
  await openIde(page);

  // + → Event → Model event
  await page.getByTestId('tree-add').click();
  await page.getByTestId('add-menu-event').hover();
  await page.getByTestId('add-event-model').click();
  const dialog = page.getByTestId('new-event-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('new-event-title').fill('Flag huge order');
  await expect(dialog.getByTestId('new-event-name')).toHaveValue('FlagHugeOrder');
  await pick(page, dialog.getByTestId('new-event-model'), /Order line/, 'Order');
  await pick(page, dialog.getByTestId('new-event-timing'), 'After create');

  // Filter: sales > 2000
  await dialog.getByTestId('new-event-filter-button').click();
  const builder = page.getByTestId('condition-builder');
  await builder.getByTestId('condition-add').click();
  await expect(builder.getByTestId('condition-row')).toHaveCount(1);
  const row = builder.getByTestId('condition-row').first();
  await pick(page, row.getByTestId('condition-field'), /^Sales/, 'Sales');
  await pick(page, row.getByTestId('condition-op'), /greater than$|^>$/i);
  await row.getByTestId('condition-value').fill('2000');
  await page.getByTestId('condition-ok').click();
  await expect(dialog.getByTestId('new-event-filter-summary')).toContainText('2000');
  await dialog.getByTestId('new-event-ok').click();

  // The event page opens; write the handler in the code view and save.
  const eventPage = page.getByTestId('event-page');
  await expect(eventPage.getByTestId('event-page-title')).toContainText('Flag huge order');
  await setMonacoText(page, eventPage.getByTestId('event-code'), NOTIFY);
  await expect(page.getByTestId('tab-dirty')).toBeVisible();
  await eventPage.getByTestId('event-save').click();
  await expect(page.getByTestId('tab-dirty')).toHaveCount(0);
  const saved = await api(page, 'GET', '/elements/events.FlagHugeOrder');
  expect(saved.json.code).toBe(NOTIFY);
  expect(saved.json.definition).toMatchObject({
    model: 'models.Order',
    timing: 'afterCreate',
    enabled: false,
    filter: { and: [{ field: 'sales', op: 'gt', value: 2000 }] },
  });

  // Switch it on.
  await eventPage.getByTestId('event-enabled').click();
  await expect(eventPage.getByTestId('event-enabled')).toHaveAttribute('aria-checked', 'true');
  expect((await api(page, 'GET', '/elements/events.FlagHugeOrder')).json.definition.enabled).toBe(
    true,
  );

  // Create an order in the data panel.
  const refs = await arrangeCustomerAndProduct(page, `${Date.now()}`);
  await page.getByTestId('tree-item-models.Order').click();
  const panel = page.getByTestId('data-panel');
  await panel.getByTestId('data-new').click();
  const form = page.getByTestId('record-form');
  await fillField(form, 'rowId', '900001');
  await fillField(form, 'orderId', 'CA-2099-000001');
  await fillField(form, 'orderDate', '2024-05-01');
  await pickRecord(page, form.getByTestId('record-field-customer'), refs.customer);
  await pickRecord(page, form.getByTestId('record-field-product'), refs.product);
  await fillField(form, 'sales', '2500');
  await fillField(form, 'quantity', '2');
  await fillField(form, 'discount', '0');
  await fillField(form, 'profit', '250');
  await page.getByTestId('record-save').click();
  await expect(page.getByTestId('record-form')).toHaveCount(0);

  const notes = await api(page, 'GET', '/notifications');
  // The demo's own NotifyBigOrder fires too; ours is the one titled exactly 'Big order'.
  const ours = notes.json.items.filter((n: { title: string }) => n.title === 'Big order');
  expect(ours).toHaveLength(1);
  expect(ours[0]).toMatchObject({ to: 'ann' });
  expect(ours[0].body).toContain(': 2500');

  // Open the event's records: one successful run; open its execution path.
  await page.getByTestId('tree-item-events.FlagHugeOrder').click();
  await page.getByTestId('event-records-button').click();
  const drawer = page.getByTestId('records-drawer');
  await expect(drawer.getByTestId('record-row')).toHaveCount(1);
  await expect(drawer.getByTestId('record-status').first()).toContainText(/success/i);
  await drawer.getByTestId('record-path').first().click();
  const path = page.getByTestId('path-view');
  await expect(path.getByTestId('path-canvas')).toBeVisible();
  await expect(path.getByTestId('step-row')).toHaveCount(2);
  await expect(path.getByTestId('step-row').nth(1)).toContainText('app.notify');
  await page.screenshot({ path: test.info().outputPath('model-event-path.png') });
});

test('a failing handler refuses the write, and its path points at the failing line', async ({
  page,
}) => {
  await openIde(page);
  await page.getByTestId('tree-item-events.FlagHugeOrder').click();
  const eventPage = page.getByTestId('event-page');
  await setMonacoText(page, eventPage.getByTestId('event-code'), FAILING);
  await eventPage.getByTestId('event-save').click();
  await expect(page.getByTestId('tab-dirty')).toHaveCount(0);
  const before = (await api(page, 'GET', '/data/models.Order?limit=1')).json.total;

  const refs = await arrangeCustomerAndProduct(page, `${Date.now()}`);
  await page.getByTestId('tree-item-models.Order').click();
  await page.getByTestId('data-panel').getByTestId('data-new').click();
  const form = page.getByTestId('record-form');
  await fillField(form, 'rowId', '900002');
  await fillField(form, 'orderId', 'CA-2099-000002');
  await fillField(form, 'orderDate', '2024-05-02');
  await pickRecord(page, form.getByTestId('record-field-customer'), refs.customer);
  await pickRecord(page, form.getByTestId('record-field-product'), refs.product);
  await fillField(form, 'sales', '9000');
  await fillField(form, 'quantity', '1');
  await page.getByTestId('record-save').click();

  // The error is shown, the dialog stays with the input, nothing is stored.
  const error = page.getByTestId('record-error');
  await expect(error).toBeVisible();
  await expect(page.getByTestId('record-error-message')).toContainText(
    'orders over 5000 need a manager',
  );
  expect((await api(page, 'GET', '/data/models.Order?limit=1')).json.total).toBe(before);
  expect(
    (
      await api(
        page,
        'GET',
        '/data/models.Order?where=' +
          encodeURIComponent(JSON.stringify({ field: 'rowId', op: 'eq', value: 900002 })),
      )
    ).json.total,
  ).toBe(0);

  // The failed run's path points at line 4, where the handler threw.
  await page.getByTestId('record-error-path').click();
  const path = page.getByTestId('path-view');
  await expect(path.getByTestId('path-status').first()).toContainText(/failed/i);
  const failedStep = path.getByTestId('step-row').filter({ has: page.getByTestId('step-error') });
  await expect(failedStep).toContainText('orders over 5000 need a manager');
  await expect(failedStep).toContainText('L4');
  await page.screenshot({ path: test.info().outputPath('model-event-failure.png') });
});

test('the dialog says what is missing in words, and an async event is tried again as set', async ({
  page,
}) => {
  await openIde(page);
  await page.getByTestId('tree-add').click();
  await page.getByTestId('add-menu-event').hover();
  await page.getByTestId('add-event-model').click();
  const dialog = page.getByTestId('new-event-dialog');
  await dialog.getByTestId('new-event-title').fill('Retry Rita');
  await pick(page, dialog.getByTestId('new-event-model'), /^Customer/, 'Customer');
  await pick(page, dialog.getByTestId('new-event-timing'), 'After update');

  // A filter row without its value is refused in the builder's words, then completed.
  await dialog.getByTestId('new-event-filter-button').click();
  const builder = page.getByTestId('condition-builder');
  await builder.getByTestId('condition-add').click();
  const row = builder.getByTestId('condition-row').first();
  await pick(page, row.getByTestId('condition-field'), /^Name/, 'Name');
  await pick(page, row.getByTestId('condition-op'), /^equals$/);
  await page.getByTestId('condition-ok').click();
  await expect(row).toContainText('Enter a value');
  await row.getByTestId('condition-value').fill('Retry Rita');
  await page.getByTestId('condition-ok').click();
  await expect(dialog.getByTestId('new-event-filter-summary')).toContainText('Retry Rita');

  // "Service function" with none that fits: Create is refused with one message, not the schema's pattern.
  await dialog.getByTestId('new-event-handler-service').click();
  await dialog.getByTestId('new-event-ok').click();
  const handlerError = dialog.getByTestId('new-event-handler-error');
  await expect(handlerError).toContainText('No service function fits');
  await expect(handlerError).not.toContainText('pattern');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('new-event-handler-inline').click();

  // Async, three attempts, no wait between them.
  await dialog.getByTestId('new-event-async').click();
  await fillNumber(dialog.getByTestId('new-event-retry-attempts'), '3');
  await fillNumber(dialog.getByTestId('new-event-retry-backoff'), '0');
  await dialog.getByTestId('new-event-ok').click();
  const eventPage = page.getByTestId('event-page');
  await expect(eventPage.getByTestId('event-page-title')).toContainText('Retry Rita');
  expect((await api(page, 'GET', '/elements/events.RetryRita')).json.definition).toMatchObject({
    async: true,
    retry: { attempts: 3, backoffMs: 0 },
  });

  await setMonacoText(
    page,
    eventPage.getByTestId('event-code'),
    `export default async function (event, app) {\n  throw new Error('try ' + event.id);\n}\n`,
  );
  await eventPage.getByTestId('event-save').click();
  await expect(page.getByTestId('tab-dirty')).toHaveCount(0);
  await eventPage.getByTestId('event-enabled').click();
  await expect(eventPage.getByTestId('event-enabled')).toHaveAttribute('aria-checked', 'true');

  const rita = await api(page, 'POST', '/data/models.Customer', {
    customerId: `E2E-R-${Date.now()}`,
    name: 'Retry Rita',
  });
  expect(
    (await api(page, 'PATCH', `/data/models.Customer/${rita.json.id}`, { segment: 'Corporate' }))
      .status,
  ).toBe(200);
  await expect
    .poll(
      async () => {
        const runs = (await api(page, 'GET', '/executions?event=events.RetryRita')).json.items;
        return runs
          .map((r: { attempt: number; status: string }) => `${r.attempt}:${r.status}`)
          .sort();
      },
      { timeout: 20_000 },
    )
    .toEqual(['1:failed', '2:failed', '3:failed']);
  await api(page, 'POST', '/events/events.RetryRita/disable');
});

async function fillNumber(input: import('@playwright/test').Locator, value: string) {
  const box =
    (await input.evaluate((el) => el.tagName)) === 'INPUT' ? input : input.locator('input').first();
  await box.fill(value);
  await box.blur();
}

async function fillField(form: import('@playwright/test').Locator, name: string, value: string) {
  const field = form.getByTestId(`record-field-${name}`);
  const input =
    (await field.evaluate((el) => el.tagName)) === 'INPUT' ? field : field.locator('input').first();
  await input.fill(value);
  if (name.endsWith('Date')) await input.press('Enter'); // the date picker takes typed dates on Enter
}
