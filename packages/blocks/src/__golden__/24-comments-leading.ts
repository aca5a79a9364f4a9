export default async function (event, app) {
  // Look up the customer first
  const customer = await app.models.Customer.get(event.next.customer);
  /* then tell the owner */
  // (two comment lines)
  await app.notify({ to: customer.owner, title: 'New order', body: '' });
  /** block */ app.log('same line');
}
