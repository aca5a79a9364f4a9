export default async function (event, app) {
  app.notify({ to: 'ann', title: 'x', body: 'y' });
  app.models.Order.create({ sales: 1 });
  const pending = app.services.Billing.charge({ orderId: 1 });
  await pending;
}
