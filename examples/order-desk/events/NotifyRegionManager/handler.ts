// A custom event: subscribes to services.Fulfilment.shipped. Async, so it runs after the shipment
// committed and a failure here never undoes a shipment. The manager comes from the Region manager
// table (filled by Fulfilment.setUpRegions).
export default async function (event, app) {
  const { orderId, orderNumber, region, shipDate } = event.args;
  const rows = region
    ? await app.models.RegionManager.query(
        { field: 'region', op: 'eq', value: region },
        { limit: 1 },
      )
    : [];
  if (rows.length === 0) {
    app.log(`No manager for region ${region}: run Fulfilment.setUpRegions or add a Region manager`);
    return;
  }
  await app.notify({
    to: rows[0].manager,
    title: `Order ${orderNumber} shipped`,
    body: `Order line ${orderId} (${region}) shipped on ${shipDate}.`,
  });
}
