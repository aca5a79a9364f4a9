export default async function (event, app) {
  const body = `Order ${event.next.id}
  for ${event.next.customer}
    total: ${event.next.sales.toFixed(2)}`;
  await app.notify({ to: 'ann', title: `Big ${event.next.id}`, body });
  await app.notify({ to: 'bob', title: `plain`, body: `nested ${`inner ${event.next.id}`}` });
}
