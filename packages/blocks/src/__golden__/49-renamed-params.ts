export default async function (e, ctx) {
  await ctx.notify({ to: 'ann', title: e.next.title, body: e.prev.title });
  await ctx.models.Order.get(e.next.id);
  app.log('app is not the parameter here');
}
