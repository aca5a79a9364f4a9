export default async function (event, app) {
  const total = 5;
  await app.models.Order.create({ total, 'quoted key': 1, 2: 'two', nested: { deep: event.next.x } });
  await app.models.Order.create({ [event.next.key]: 1 });
  await app.models.Order.create({ method() { return 1; } });
}
