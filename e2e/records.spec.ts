import { expect, test } from '@playwright/test';
import { api, arrangeCustomerAndProduct, openIde } from './helpers';

test('the records page filters by request id, service calls can be picked like events, and refs read as records', async ({
  page,
}) => {
  // ARRANGE: one order line over the API; the demo's events run on it in one request.
  const key = `${Date.now()}`;
  const refs = await arrangeCustomerAndProduct(page, `REC-${key}`, {
    customer: 'Rita Records',
    product: 'Binder',
  });
  const order = await api(page, 'POST', '/data/models.Order', {
    rowId: 930001,
    orderId: 'CA-2099-930001',
    orderDate: '2024-05-02',
    customer: refs.customer,
    product: refs.product,
    sales: 1500,
    quantity: 2,
    discount: 0,
    profit: 300,
  });
  expect(order.status).toBe(201);
  const ofRecord = await api(page, 'GET', `/executions?recordId=${order.json.id}`);
  const requestId: string = ofRecord.json.items[0].requestId;
  const ofRequest = await api(page, 'GET', `/executions?requestId=${requestId}`);
  // The before-create (margin) and the after-create (big order) at least.
  expect(ofRequest.json.total).toBeGreaterThanOrEqual(2);

  // ACT: the records page, filtered by that request id.
  await openIde(page);
  await page.goto(`/#/executions`);
  const records = page.getByTestId('records');
  await expect(records).toBeVisible();
  await records.getByTestId('records-request-id').locator('input').fill(requestId);
  await records.getByTestId('records-request-id').locator('input').press('Enter');

  // ASSERT: exactly the request's runs.
  await expect(records.getByTestId('record-row')).toHaveCount(ofRequest.json.total);

  // The event picker offers the service too (its calls are runs of their own).
  await records.getByTestId('records-event').click();
  await expect(
    page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
      hasText: 'Fulfilment',
    }),
  ).toHaveCount(1);

  // The data panel shows whom the order line refers to, not a bare id.
  await page.goto('/#/data/models.Order');
  await expect(page.getByTestId(`data-row-${order.json.id}`)).toContainText(
    `#${refs.customer} · Rita Records (E2E-REC-${key})`,
  );
});
