export default async function (event, app) {
  await app.notify({
    to: event.next.owner,
    title: 'Big order',
    body: 'Sales: ' + event.next.sales,
  });
}
