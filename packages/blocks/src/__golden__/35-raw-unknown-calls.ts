export default async function (event, app) {
  console.log('hi');
  helper(event);
  await fetchSomething();
  app.models.Order.create({}).then(() => app.log('done'));
  app.unknown();
  event.next.sales > 0 && app.log('positive');
}
