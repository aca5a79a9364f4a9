export default async function (event, app) {
  const a = (1, 2);
  const b = ((event.next.sales));
  await app.notify(({ to: 'ann', title: 'x', body: 'y' }));
  if ((a)) app.log((b));
}
