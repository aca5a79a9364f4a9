import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  api,
  arrangeCustomerAndProduct,
  openIde,
  pick,
  pickRecord,
  setMonacoText,
} from './helpers.js';

test.describe.configure({ mode: 'serial' });

/**
 * The handler's text as the code view shows it: switched to the full code view (beside the blocks
 * long lines wrap), read, and switched back.
 */
async function codeText(page: Page): Promise<string> {
  await page.getByTestId('view-code').click();
  const lines = page.getByTestId('event-code').locator('.view-lines');
  await expect(lines).toBeVisible();
  const text = await lines.evaluate((el) =>
    (el as unknown as { innerText: string }).innerText.replace(/\u00a0/g, ' '),
  );
  await page.getByTestId('view-visual').click();
  // The block list keeps the keyboard, as it had it before the switch.
  await page.getByTestId('block-list').focus();
  return text;
}

/** Opens cascading menus level by level (`Event`, `New record (next)`) and picks the last entry. */
async function cascade(page: Page, labels: (string | RegExp)[]): Promise<void> {
  for (const label of labels) {
    await page.locator('.ant-cascader-menu-item:visible', { hasText: label }).last().click();
  }
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: test.info().outputPath(`${name}.png`) });

test('build "notify on big order" from blocks, edit it in code, run it and follow its path', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openIde(page);

  // ARRANGE: a new after-create event on Order lines, through the dialog.
  await page.getByTestId('tree-add').click();
  await page.getByTestId('add-menu-event').hover();
  await page.getByTestId('add-event-model').click();
  const dialog = page.getByTestId('new-event-dialog');
  await dialog.getByTestId('new-event-title').fill('Notify on big order');
  await expect(dialog.getByTestId('new-event-name')).toHaveValue('NotifyOnBigOrder');
  await pick(page, dialog.getByTestId('new-event-model'), /Order line/);
  await pick(page, dialog.getByTestId('new-event-timing'), 'After create');
  await dialog.getByTestId('new-event-ok').click();

  const eventPage = page.getByTestId('event-page');
  await expect(eventPage.getByTestId('event-page-title')).toContainText('Notify on big order');
  await page.getByTestId('view-visual').click();
  const editor = eventPage.getByTestId('block-editor');
  await expect(editor.getByTestId('handler-param')).toContainText(
    "ModelEvent<Models.Order, 'afterCreate'>",
  );

  // ACT: clear the starter statement, then build the handler from blocks only.
  await expect(editor.getByTestId('block-row')).toHaveCount(1);
  await editor.getByTestId('block-clear').click();
  await page.getByTestId('block-clear-confirm').click();
  await expect(editor.getByTestId('block-row')).toHaveCount(0);

  // A condition on the event's field: event.next.sales > 1000.
  await editor.getByTestId('insert-condition').click();
  let params = page.getByTestId('params-modal');
  await params.getByTestId('param-test-left-pick').click();
  await cascade(page, ['Event', 'New record (next)', 'Sales (USD)']);
  await expect(params.getByTestId('param-test-left')).toHaveValue('event.next.sales');
  await pick(page, params.getByTestId('param-test-op'), '>');
  await params.getByTestId('param-test-right').fill('1000');
  await shot(page, 'blocks-condition');
  await page.getByTestId('params-ok').click();
  await expect(params).toHaveCount(0);
  const ifRow = editor.locator('[data-testid=block-row][data-kind=if]');
  await expect(ifRow).toHaveCount(1);
  await expect(ifRow).toContainText('event.next.sales > 1000');

  // Inside it: Services → Message service → Notification, then its parameters.
  await editor.getByTestId('block-slot-add').click();
  await page.getByTestId('insert-menu-statement').click();
  const picker = page.getByTestId('statement-picker');
  await expect(picker).toBeVisible();
  await cascade(page, ['Services', 'Message service', 'Notification']);
  params = page.getByTestId('params-modal');
  // The recipient is one of the application's users, found by name.
  await params.getByTestId('param-to').click();
  await page.keyboard.type('sales man');
  await page.locator('.ant-select-dropdown:visible').getByTestId('choice-ann').click();
  await expect(params.getByTestId('param-to').locator('input')).toHaveValue('ann');
  await params.getByTestId('param-title').fill('Big order ');
  await params.getByTestId('param-title-pick').click();
  await cascade(page, ['Event', 'New record (next)', 'Order ID']);
  await expect(params.getByTestId('param-title')).toHaveValue('Big order ${event.next.orderId}');
  await params.getByTestId('param-body-mode').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').nth(3).click();
  await params.getByTestId('param-body').fill("'Sales: ' + event.next.sales");
  await shot(page, 'blocks-notification-params');
  await page.getByTestId('params-ok').click();
  await expect(params).toHaveCount(0);

  // ASSERT: the blocks are nested as built, numbered with the code's lines, and the code shows them.
  const notifyRow = editor.locator('[data-testid=block-row][data-kind=notify]');
  await expect(notifyRow).toContainText("'ann'");
  await expect(ifRow).toHaveAttribute('data-line', '2');
  await expect(notifyRow).toHaveAttribute('data-line', '3');
  const built = [
    "export default async function (event: ModelEvent<Models.Order, 'afterCreate'>, app: App) {",
    '  if (event.next.sales > 1000) {',
    '    await app.notify({',
    "      to: 'ann',",
    '      title: `Big order ${event.next.orderId}`,',
    "      body: 'Sales: ' + event.next.sales,",
    '    });',
    '  }',
    '}',
  ];
  await expect.poll(() => codeText(page)).toContain(built.join('\n'));
  await shot(page, 'blocks-built');

  // ACT: add an `if` in the code view; the block appears once typing stops.
  const code = [
    ...built.slice(0, -1),
    '  if (event.next.quantity > 10) {',
    "    app.log('many items', event.next.quantity);",
    '  }',
    '}',
    '',
  ].join('\n');
  await setMonacoText(page, eventPage.getByTestId('event-code'), code);
  await expect(editor.locator('[data-testid=block-row][data-kind=if]')).toHaveCount(2);
  await expect(editor.locator('[data-testid=block-row][data-kind=if]').nth(1)).toContainText(
    'event.next.quantity > 10',
  );
  await expect(editor.locator('[data-testid=block-row][data-kind=log]')).toHaveAttribute(
    'data-line',
    '10',
  );
  await shot(page, 'blocks-from-code');

  // Code that does not parse shows the error in place of the blocks; nothing is lost, and the
  // blocks come back once it parses again.
  await setMonacoText(page, eventPage.getByTestId('event-code'), code.replace('> 10)', '> 10'));
  await expect(editor.getByTestId('block-parse-error')).toContainText('Line 9');
  await expect(editor.getByTestId('block-row')).toHaveCount(0);
  await shot(page, 'blocks-parse-error');
  await setMonacoText(page, eventPage.getByTestId('event-code'), code);
  await expect(editor.getByTestId('block-parse-error')).toHaveCount(0);
  await expect(editor.getByTestId('block-row')).toHaveCount(4);

  // Save, and the text saved is the code view's.
  await eventPage.getByTestId('event-save').click();
  await expect(page.getByTestId('tab-dirty')).toHaveCount(0);
  expect((await api(page, 'GET', '/elements/events.NotifyOnBigOrder')).json.code).toBe(code);

  // Switch it on; create an order in the data panel, which sets it off.
  await eventPage.getByTestId('event-enabled').click();
  await expect(eventPage.getByTestId('event-enabled')).toHaveAttribute('aria-checked', 'true');
  const refs = await arrangeCustomerAndProduct(page, 'BLK-1', {
    customer: 'Bea Blocks',
    product: 'Binder',
  });
  await page.getByTestId('tree-item-models.Order').click();
  await page.getByTestId('data-panel').getByTestId('data-new').click();
  const form = page.getByTestId('record-form');
  await fillField(form, 'rowId', '920001'); // unique across specs: they share one server
  await fillField(form, 'orderId', 'CA-2099-910001');
  await fillField(form, 'orderDate', '2024-05-01');
  await pickRecord(page, form.getByTestId('record-field-customer'), refs.customer);
  await pickRecord(page, form.getByTestId('record-field-product'), refs.product);
  await fillField(form, 'sales', '2500');
  await fillField(form, 'quantity', '12');
  await page.getByTestId('record-save').click();
  await expect(page.getByTestId('record-form')).toHaveCount(0);
  // The demo's own events run too; ours is the notification titled with the order id alone.
  const notes = await api(page, 'GET', '/notifications');
  expect(notes.json.items).toContainEqual(
    expect.objectContaining({ to: 'ann', title: 'Big order CA-2099-910001', body: 'Sales: 2500' }),
  );

  // Open the event's records, then the run's path; a step highlights its block and its line.
  await page.getByTestId('tree-item-events.NotifyOnBigOrder').click();
  await eventPage.getByTestId('event-records-button').click();
  const drawer = page.getByTestId('records-drawer');
  await expect(drawer.getByTestId('record-row')).toHaveCount(1);
  await drawer.getByTestId('record-path').first().click();
  const path = page.getByTestId('path-view');
  const runBlocks = path.getByTestId('run-blocks');
  await expect(runBlocks.getByTestId('block-row')).toHaveCount(4);
  const notifyStep = path.getByTestId('step-row').filter({ hasText: 'app.notify' });
  await notifyStep.click();
  const highlighted = runBlocks.locator('[data-testid=block-row][data-highlighted]');
  await expect(highlighted).toHaveCount(1);
  await expect(highlighted).toHaveAttribute('data-kind', 'notify');
  await expect(highlighted).toHaveAttribute('data-line', '3');
  // …and its lines in the code that ran: the call spans lines 3 to 7.
  await expect(path.getByTestId('path-code').locator('.line-highlight')).toHaveCount(5);
  const logStep = path.getByTestId('step-row').filter({ hasText: 'app.log' }).first();
  await logStep.click();
  await expect(runBlocks.locator('[data-testid=block-row][data-highlighted]')).toHaveAttribute(
    'data-line',
    '10',
  );
  await expect(path.getByTestId('path-code').locator('.line-highlight')).toHaveCount(1);
  await shot(page, 'blocks-path');
  expect(errors).toEqual([]);
});

test('rows: copy, paste, duplicate, delete, multi-select, drag to reorder, clear all, undo and redo', async ({
  page,
}) => {
  // ARRANGE: an event whose handler logs three lines.
  const code = [
    'export default async function (event, app) {',
    "  app.log('one');",
    "  app.log('two'); // second",
    "  app.log('three');",
    '}',
    '',
  ].join('\n');
  await openIde(page);
  const created = await api(page, 'POST', '/elements', {
    name: 'events.BlockKeys',
    definition: {
      type: 'event',
      kind: 'model',
      model: 'models.Order',
      timing: 'afterUpdate',
      handler: { type: 'inline' },
    },
    code,
  });
  expect(created.status).toBe(201);
  await page.goto('/#/events/events.BlockKeys');
  await page.getByTestId('view-visual').click();
  const editor = page.getByTestId('block-editor');
  const rows = editor.getByTestId('block-row');
  const logs = async () => (await codeText(page)).match(/'(one|two|three)'/g)?.join(' ');
  await expect(rows).toHaveCount(3);

  // Ctrl/Cmd+D duplicates the selected block, Ctrl/Cmd+Z undoes it, Ctrl/Cmd+Y redoes it.
  await rows.nth(0).click();
  await page.keyboard.press('ControlOrMeta+d');
  await expect.poll(logs).toBe("'one' 'one' 'two' 'three'");
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(logs).toBe("'one' 'two' 'three'");
  await page.keyboard.press('ControlOrMeta+y');
  await expect.poll(logs).toBe("'one' 'one' 'two' 'three'");
  await page.keyboard.press('ControlOrMeta+z');

  // Drag the last row above the first.
  await dragRow(page, rows.nth(2), rows.nth(0), 0.2);
  await expect.poll(logs).toBe("'three' 'one' 'two'");
  // The moved statement kept its text, the others their comments.
  expect(await codeText(page)).toContain(
    "  app.log('three');\n  app.log('one');\n  app.log('two'); // second\n",
  );

  // Shift+click selects a range; Delete removes it; undo brings it back.
  await rows.nth(1).click();
  await rows.nth(2).click({ modifiers: ['Shift'] });
  await expect(editor.locator('[data-testid=block-row][data-selected]')).toHaveCount(2);
  await page.keyboard.press('Delete');
  await expect.poll(logs).toBe("'three'");
  await editor.getByTestId('block-undo').click();
  await expect.poll(logs).toBe("'three' 'one' 'two'");

  // Copy a block and paste it after another.
  await rows.nth(0).click();
  await page.keyboard.press('ControlOrMeta+c');
  await rows.nth(2).click();
  await page.keyboard.press('ControlOrMeta+v');
  await expect.poll(logs).toBe("'three' 'one' 'two' 'three'");
  // Cut removes the selected (pasted) block.
  await page.keyboard.press('ControlOrMeta+x');
  await expect.poll(logs).toBe("'three' 'one' 'two'");

  // Statements pasted as code become blocks; one with no block form stays as its exact text, with
  // the reason, and is edited as text.
  await rows.nth(2).click();
  await editor.getByTestId('block-list').evaluate((list, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    list.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, "app.log('pasted');\ndone: {\n  break done;\n}");
  const raw = editor.locator('[data-testid=block-row][data-kind=raw]');
  await expect(raw).toContainText('A labeled statement has no block form');
  await expect(raw.getByTestId('block-raw-text')).toHaveText('done: {\n  break done;\n}');
  await raw.hover();
  await raw.getByTestId('block-edit-text').click();
  await raw.getByTestId('block-raw-input').fill("done: {\n  app.log('inside');\n  break done;\n}");
  await raw.getByTestId('block-raw-save').click();
  expect(await codeText(page)).toContain(
    "  app.log('pasted');\n  done: {\n    app.log('inside');\n    break done;\n  }\n}",
  );
  await editor.getByTestId('block-undo').click();
  await editor.getByTestId('block-undo').click();
  await expect.poll(logs).toBe("'three' 'one' 'two'");
  await expect(raw).toHaveCount(0);

  // Clear all is one step that undo reverts.
  await editor.getByTestId('block-clear').click();
  await page.getByTestId('block-clear-confirm').click();
  await expect(rows).toHaveCount(0);
  await editor.getByTestId('block-undo').click();
  await expect(rows).toHaveCount(3);

  // Enter adds a statement below the selected one, through the picker's search.
  await rows.nth(2).click();
  await page.keyboard.press('Enter');
  await page.getByTestId('statement-search').fill('write log');
  await page.getByTestId('statement-result').first().click();
  await page.getByTestId('params-modal').getByTestId('param-arg1').fill('four');
  await page.getByTestId('params-ok').click();
  await expect.poll(logs).toBe("'three' 'one' 'two'");
  expect(await codeText(page)).toContain("  app.log('two'); // second\n  app.log('four');\n}");
  await shot(page, 'blocks-rows');
});

async function dragRow(page: Page, row: Locator, target: Locator, ratio: number) {
  const handle = row.getByTestId('block-drag');
  await row.hover();
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 + 8, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height * ratio, { steps: 8 });
  await page.mouse.up();
}

async function fillField(form: Locator, name: string, value: string) {
  const field = form.getByTestId(`record-field-${name}`);
  const input =
    (await field.evaluate((el) => el.tagName)) === 'INPUT' ? field : field.locator('input').first();
  await input.fill(value);
  if (name.endsWith('Date')) await input.press('Enter'); // the date picker takes typed dates on Enter
}
