// The fulfilment desk. `ship` marks an order line shipped and announces it with the declared event
// `shipped`; whoever cares subscribes to it (events.NotifyRegionManager) without this code knowing.

/** Ships an order line: its ship date becomes today (UTC), then `shipped` is published. */
export async function ship(args: { orderId: number }, app: App) {
  const order = await app.models.Order.get(args.orderId);
  if (!order) throw new Error(`There is no order line ${args.orderId}`);
  const shipDate = new Date().toISOString().slice(0, 10);
  await app.models.Order.update(order.id, { shipDate });
  await app.event.publish('services.Fulfilment.shipped', {
    orderId: order.id,
    orderNumber: order.orderId,
    region: order.region,
    shipDate,
  });
  return { orderId: order.id, orderNumber: order.orderId, shipDate };
}

// The demo's region managers (users of app.json). Edit the Region manager table to change them.
const MANAGERS = [
  { region: 'Central', manager: 'gus' },
  { region: 'East', manager: 'hal' },
  { region: 'South', manager: 'ivy' },
  { region: 'West', manager: 'jon' },
] as const;

/** Fills the region → manager table with the demo's four managers; rows already there are kept. */
export async function setUpRegions(args: {}, app: App) {
  const created: string[] = [];
  for (const { region, manager } of MANAGERS) {
    const rows = await app.models.RegionManager.query(
      { field: 'region', op: 'eq', value: region },
      { limit: 1 },
    );
    if (rows.length === 0) {
      await app.models.RegionManager.create({ region, manager });
      created.push(region);
    }
  }
  return { created };
}
