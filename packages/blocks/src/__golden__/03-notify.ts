export default async function (event, app) {
  await app.notify({ to: 'ann', title: 'Big order', body: `Order ${event.next.id} is big` });
}
