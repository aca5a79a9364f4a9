export default async function (event, app) {
  await app.models.Order.upsert({ id: 1 });
  const x = await app.models.Order.findAll();
  await app.model.Order.create({});
  await app.models[event.next.model].create({});
}
