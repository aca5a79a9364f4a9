export default async function (event, app) {
  const one = await app.models.Order.get(event.next.id);
  const rows = await app.models.Order.query({ region: 'North' }, { limit: 10, offset: 0, orderBy: 'sales' });
  await app.models.Order.update(one.id, { checked: true });
  await app.models.Order.delete(event.prev.id);
  await app.models.Order.updateMany({ region: 'North' }, { checked: false });
  await app.models.Order.deleteMany({ field: 'sales', op: 'lt', value: 0 });
  const total = await app.models.Order.count({ region: event.next.region });
}
