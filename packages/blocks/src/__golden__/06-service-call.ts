export default async function (event, app) {
  await app.services.Billing.charge({ orderId: event.next.id, amount: event.next.sales });
  await app.services.Billing.refund(event.next.id, 'duplicate');
  app.services.Stock.reserve();
}
