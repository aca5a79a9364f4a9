import { expect, test, type Locator, type Page } from '@playwright/test';
import { api, arrangeCustomerAndProduct, openIde } from './helpers';

test.describe.configure({ mode: 'serial' });

/** An order line of the demo, written over the API (customer and product first, as the form needs them). */
async function arrangeOrder(page: Page, rowId: number, discount: number): Promise<number> {
  const refs = await arrangeCustomerAndProduct(page, `${Date.now()}-${rowId}`);
  const order = await api(page, 'POST', '/data/models.Order', {
    rowId,
    orderId: `CA-2099-${rowId}`,
    orderDate: '2024-05-01',
    customer: refs.customer,
    product: refs.product,
    sales: 1200,
    quantity: 3,
    discount,
    profit: 40,
  });
  expect(order.status).toBe(201);
  return order.json.id;
}

/** Chooses an option of an antd Select by the test id of the option's label. */
async function choose(page: Page, select: Locator, optionTestId: string): Promise<void> {
  await select.click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
    .last()
    .getByTestId(optionTestId)
    .click();
}

test('submit an order from the data panel, approve as the sales manager, reject as finance, and read the runs', async ({
  page,
}) => {
  await openIde(page);
  const big = await arrangeOrder(page, 910001, 0.45);
  const small = await arrangeOrder(page, 910002, 0.1);

  // Data panel: a record outside the flow's condition cannot be submitted, and the server agrees.
  await page.getByTestId('tree-item-models.Order').click();
  const panel = page.getByTestId('data-panel');
  await expect(panel.getByTestId(`data-submit-approval-${small}`)).toBeDisabled();
  const refused = await api(page, 'POST', '/approvals/approvals.Discount/instances', {
    recordId: small,
    user: 'dee',
  });
  expect(refused.status).toBe(409);
  expect(refused.json.error.message).toContain(
    'its condition is discount > 0.3, and discount is 0.1',
  );

  // The 45 % discount goes in, submitted by Dee.
  await panel.getByTestId(`data-submit-approval-${big}`).click();
  const dialog = page.getByTestId('submit-approval-dialog');
  await choose(page, dialog.getByTestId('submit-approval-user'), 'user-option-dee');
  await dialog.getByTestId('submit-approval-comment').fill('Key account, please');
  await dialog.getByTestId('submit-approval-ok').click();
  await expect(page.getByTestId('submit-approval-done')).toContainText('Sales manager');
  const listed = await api(page, 'GET', `/approvals/instances?recordId=${big}`);
  expect(listed.json.items).toHaveLength(1);
  const instance = listed.json.items[0];
  expect(instance).toMatchObject({
    status: 'pending',
    node: 'manager',
    submittedBy: 'dee',
    assignees: ['ann'],
  });

  // Inbox, acting as Ann: her task is there; she approves with a comment.
  await page.getByTestId('nav-inbox').click();
  const inbox = page.getByTestId('inbox-page');
  await choose(page, inbox.getByTestId('inbox-user'), 'user-option-ann');
  await inbox.getByTestId(`inbox-item-${instance.id}`).click();
  const detail = inbox.getByTestId('approval-detail');
  await expect(detail.getByTestId('approval-status')).toHaveAttribute('data-status', 'pending');
  // The record card leads with the field the flow's condition looks at; refs read as records.
  const card = detail.getByTestId('approval-record');
  await expect(card.locator('.ant-descriptions-item').first()).toContainText('0.45');
  await expect(card.getByTestId('approval-record-key-discount')).toBeVisible();
  await expect(card.getByTestId('approval-record-customer')).toContainText('Erin Example');
  await detail.getByTestId('approval-comment').fill('Fine by sales');
  await detail.getByTestId('approval-approve').click();
  await expect(detail.getByTestId('approval-step-finance')).toHaveAttribute(
    'data-state',
    'current',
  );
  await expect(detail.getByTestId('approval-history-entry')).toHaveCount(2);
  await expect(detail.getByTestId('approval-waiting')).toContainText('Bob');
  await expect(inbox.getByTestId(`inbox-item-${instance.id}`)).toHaveCount(0);

  // Acting as Bob (finance, all must approve): he rejects with a reason.
  await choose(page, inbox.getByTestId('inbox-user'), 'user-option-bob');
  await inbox.getByTestId(`inbox-item-${instance.id}`).click();
  await expect(detail.getByTestId('approval-step-manager')).toHaveAttribute('data-state', 'done');
  await detail.getByTestId('approval-comment').fill('Margin too thin');
  await detail.getByTestId('approval-reject').click();
  await expect(detail.getByTestId('approval-status')).toHaveAttribute('data-status', 'rejected');
  await expect(detail.getByTestId('approval-actions')).toHaveCount(0);

  // The history says who did what, with the comments; the reject set off NotifyDiscountRejected.
  const entries = detail.getByTestId('approval-history-entry');
  await expect(entries).toHaveCount(3);
  await expect(entries.nth(0)).toHaveAttribute('data-action', 'submit');
  await expect(entries.nth(1)).toHaveAttribute('data-user', 'ann');
  await expect(entries.nth(1)).toContainText('Fine by sales');
  const rejected = entries.nth(2);
  await expect(rejected).toHaveAttribute('data-action', 'reject');
  await expect(rejected).toContainText('Margin too thin');
  const run = rejected.locator(
    '[data-testid=approval-run][data-event="events.NotifyDiscountRejected"]',
  );
  await expect(run).toHaveAttribute('data-status', 'success');
  await page.screenshot({ path: test.info().outputPath('approvals-inbox.png'), fullPage: true });

  // What the handler did: the order is marked rejected and Dee heard why.
  expect((await api(page, 'GET', `/data/models.Order/${big}`)).json.approvalStatus).toBe(
    'rejected',
  );
  const notes = (await api(page, 'GET', '/notifications')).json.items.filter(
    (n: { to: string; body: string | null }) =>
      n.to === 'dee' && n.body?.includes('Margin too thin'),
  );
  expect(notes).toHaveLength(1);

  // The run's execution path: its steps include the notification.
  await run.getByTestId('approval-run-path').click();
  const path = page.getByTestId('path-view');
  await expect(path.getByTestId('path-status').first()).toContainText(/success/i);
  await expect(
    path.getByTestId('step-row').filter({ hasText: 'app.notify' }).first(),
  ).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('approvals-path.png') });

  // A second action on the finished instance is refused and changes nothing.
  const again = await api(page, 'POST', `/approvals/instances/${instance.id}/actions`, {
    action: 'approve',
    user: 'cid',
  });
  expect([again.status, again.json.error.code]).toEqual([409, 'CONFLICT']);
});

test('edit a flow: the diagram follows the node list, and a duplicate node id is refused beside the field', async ({
  page,
}) => {
  await openIde(page);
  await page.getByTestId('tree-item-approvals.Discount').click();
  const flow = page.getByTestId('flow-page');
  const diagram = flow.getByTestId('flow-diagram');
  await expect(diagram.getByTestId('diagram-node-manager')).toBeVisible();
  await expect(diagram.getByTestId('diagram-node-finance')).toBeVisible();

  // Add a third node for legal, approved by Eli.
  await flow.getByTestId('flow-add-node').click();
  const legal = flow.getByTestId('flow-node-2');
  await legal.getByTestId('flow-node-title').fill('Legal');
  await legal.getByTestId('flow-node-id').fill('finance');
  await choose(page, legal.getByTestId('flow-node-approvers'), 'approver-option-eli');
  await legal.getByTestId('flow-node-title').click(); // closes the multiple select's dropdown
  await flow.getByTestId('flow-save').click();
  await expect(legal.getByTestId('flow-node-error')).toContainText('duplicate node id "finance"');
  expect(
    (await api(page, 'GET', '/elements/approvals.Discount')).json.definition.nodes,
  ).toHaveLength(2);

  await legal.getByTestId('flow-node-id').fill('legal');
  await flow.getByTestId('flow-save').click();
  await expect(page.getByTestId('tab-dirty')).toHaveCount(0);
  await expect(diagram.getByTestId('diagram-node-legal')).toContainText('Legal');
  const saved = (await api(page, 'GET', '/elements/approvals.Discount')).json.definition;
  expect(saved.nodes[2]).toEqual({ id: 'legal', title: 'Legal', approvers: ['eli'], mode: 'any' });

  // Move it up before finance and save: the order is the file's order.
  await legal.getByTestId('flow-node-up').click();
  await flow.getByTestId('flow-save').click();
  await expect(page.getByTestId('tab-dirty')).toHaveCount(0);
  const moved = (await api(page, 'GET', '/elements/approvals.Discount')).json.definition;
  expect(moved.nodes.map((n: { id: string }) => n.id)).toEqual(['manager', 'legal', 'finance']);
  await page.screenshot({ path: test.info().outputPath('approvals-flow.png') });
});

test('create an approval event in the "new event" dialog, with the nodes of the chosen flow', async ({
  page,
}) => {
  await openIde(page);
  await page.getByTestId('tree-add').click();
  await page.getByTestId('add-menu-event').hover();
  await page.getByTestId('add-event-approval').click();
  const dialog = page.getByTestId('new-event-dialog');
  await dialog.getByTestId('new-event-title').fill('Reached finance');
  await expect(dialog.getByTestId('new-event-flow')).toContainText('Discount approval');
  await choose(page, dialog.getByTestId('new-event-timing'), 'timing-option-nodeChanged');
  await choose(page, dialog.getByTestId('new-event-nodes'), 'node-option-finance');
  await page.getByTestId('new-event-heading').click(); // closes the multiple select's dropdown
  await dialog.getByTestId('new-event-ok').click();

  await expect(page.getByTestId('event-page-title')).toContainText('Reached finance');
  const saved = await api(page, 'GET', '/elements/events.ReachedFinance');
  expect(saved.json.definition).toMatchObject({
    kind: 'approval',
    flow: 'approvals.Discount',
    timing: 'nodeChanged',
    nodes: ['finance'],
    enabled: false,
  });
  expect(saved.json.code).toContain("ApprovalEvent<Models.Order, 'nodeChanged'>");
});
