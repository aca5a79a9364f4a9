export default async function (event, app) {
  await app.event.publish('services.Billing.paid', { orderId: event.next.id });
  app.event.publish(event.sender, event.args);
}
