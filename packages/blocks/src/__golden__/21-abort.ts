export default async function (event, app) {
  if (event.next.discount > 0.3) {
    throw new Error('Discount above 30% needs approval');
  }
  if (!event.next.customer) throw new Error(`Order ${event.next.id} has no customer`);
  if (event.next.sales < 0) throw new Error();
  const err = new Error('x');
  if (err) throw err;
  throw new TypeError('wrong type');
}
