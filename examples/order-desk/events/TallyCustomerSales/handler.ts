// Async after create, switched off: turn it on to keep each customer's totals. Async runs after the
// write commits (queued in the same transaction), so a failure here never undoes the order; failed
// runs are retried. Its update of Customer is a write of its own and fires Customer's events.
export default async function (event, app) {
  const customer = await app.models.Customer.get(event.next.customer);
  if (!customer) return;
  await app.models.Customer.update(customer.id, {
    orderLines: (customer.orderLines ?? 0) + 1,
    totalSales: Math.round(((customer.totalSales ?? 0) + event.next.sales) * 100) / 100,
  });
}
