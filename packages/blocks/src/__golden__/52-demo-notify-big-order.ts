// Notify the sales manager when a big order comes in.
export default async function (event, app) {
  const order = event.next;
  if (order.sales > 1000) {
    await app.notify({
      to: 'ann',
      title: 'Big order',
      body: `Order ${order.id} for ${order.sales}`,
    });
    await app.models.Audit.create({ orderId: order.id, kind: 'bigOrder' });
  }
}
