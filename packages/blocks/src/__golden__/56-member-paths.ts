export default async function (event, app) {
  app.log(event.next['sales'], event.prev.customer.name, event.id, event, order.lines[0], Math.PI);
  app.log(-5, true, null, undefined, `plain`, 1e3, 'it\'s');
}
