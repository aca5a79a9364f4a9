export default async function (event, app) {
  const order = await app.models.Order.create({
    customer: event.next.customer,
    sales: 100,
    paid: false,
    note: null,
  });
  await app.models.Audit.create({ orderId: order.id, at: new Date().toISOString() });
}
