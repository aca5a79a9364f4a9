// After create, with a filter: runs only for order lines over 1,000 USD, and sees the stored row
// (with its id and computed margin). It reads another model and sends an in-app message to Ann.
export default async function (event, app) {
  const order = event.next;
  const customer = await app.models.Customer.get(order.customer);
  const who = customer ? customer.name : `Customer #${order.customer}`;
  const what = order.productName ?? 'items';
  const amount = `$${order.sales.toFixed(2)}`;
  await app.notify({
    to: 'ann',
    title: `Big order ${order.orderId}: ${amount}`,
    body: `${who} ordered ${order.quantity} × ${what} for ${amount} (margin ${Math.round(order.margin * 100)}%).`,
  });
}
