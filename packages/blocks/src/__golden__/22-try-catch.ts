export default async function (event, app) {
  try {
    await app.services.Billing.charge({ orderId: event.next.id });
  } catch (error) {
    app.log('charge failed', error);
    throw new Error('Could not charge');
  } finally {
    app.log('done');
  }
  try {
    await app.services.Stock.reserve();
  } catch {
    // ignore
  }
  try {
  } finally {
  }
}
