export default async function (event, app) {
  app.log('order', event.next.id, 'changed', event.changed);
  app.log();
  await app.log(`done ${event.next.id}`);
}
