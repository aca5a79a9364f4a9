import type { App, ModelEvent } from './types';

type Order = { id: number; sales: number };

export default async function handler(event: ModelEvent<Order>, app: App): Promise<void> {
  const order: Order = event.next!;
  const sales = order.sales as number;
  await app.models.Order.update(order.id, { sales: sales satisfies number });
}
