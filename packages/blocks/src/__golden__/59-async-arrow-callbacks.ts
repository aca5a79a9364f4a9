export default async function (event, app) {
  const rows = await app.models.Order.query({});
  const ids = rows.map((row) => row.id);
  await Promise.all(ids.map(async (id) => {
    await app.models.Order.update(id, { seen: true });
  }));
  setTimeout(() => app.log('later'), 0);
}
