import { expect, test } from '@playwright/test';
import { api, openIde } from './helpers';

test('deleting an element: refused while code uses it, then gone from the tree and its tab', async ({
  page,
}) => {
  // ARRANGE: a service, and an event whose handler calls it.
  expect(
    (
      await api(page, 'POST', '/elements', {
        name: 'services.Scratch',
        definition: {
          type: 'service',
          title: 'Scratch',
          functions: [{ name: 'touch', params: [{ name: 'args', type: 'json' }], returns: 'json' }],
        },
        code: 'export async function touch(args, app) {\n  return { touched: true };\n}\n',
      })
    ).status,
  ).toBe(201);
  expect(
    (
      await api(page, 'POST', '/elements', {
        name: 'events.UsesScratch',
        definition: {
          type: 'event',
          kind: 'model',
          title: 'Uses scratch',
          model: 'models.Order',
          timing: 'afterCreate',
          handler: { type: 'inline' },
        },
        code: 'export default async function (event, app) {\n  await app.services.Scratch.touch({});\n}\n',
      })
    ).status,
  ).toBe(201);
  await openIde(page);

  // The service is in use: the refusal names the event, and the page stays open.
  await page.getByTestId('tree-item-services.Scratch').click();
  await expect(page.getByTestId('service-page')).toBeVisible();
  await page.getByTestId('service-delete').click();
  await page.getByTestId('service-delete-confirm').click();
  await expect(page.getByText(/UsesScratch/).first()).toBeVisible();
  await expect(page.getByTestId('service-page')).toBeVisible();
  expect((await api(page, 'GET', '/elements/services.Scratch')).status).toBe(200);

  // The event goes: its tab closes and the tree no longer lists it.
  await page.getByTestId('tree-item-events.UsesScratch').click();
  await expect(page.getByTestId('event-page')).toBeVisible();
  await page.getByTestId('event-delete').click();
  await page.getByTestId('event-delete-confirm').click();
  await expect(page.getByTestId('tree-item-events.UsesScratch')).toHaveCount(0);
  await expect(page.getByTestId('event-page')).toHaveCount(0);
  expect((await api(page, 'GET', '/elements/events.UsesScratch')).status).toBe(404);

  // Now nothing uses the service, so it goes too.
  await page.getByTestId('tree-item-services.Scratch').click();
  await page.getByTestId('service-delete').click();
  await page.getByTestId('service-delete-confirm').click();
  await expect(page.getByTestId('tree-item-services.Scratch')).toHaveCount(0);
  expect((await api(page, 'GET', '/elements/services.Scratch')).status).toBe(404);
});
