import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { WhenThenError } from '../errors.js';
import { rootChain } from '../events/chain.js';
import { Runtime } from '../runtime.js';

const EXAMPLE = fileURLToPath(new URL('../../../../examples/order-desk', import.meta.url));

let close: (() => void) | null = null;
afterEach(() => {
  close?.();
  close = null;
});

/** The order-desk demo copied to a temp folder, with one customer and product to order. */
function demo() {
  const dir = mkdtempSync(join(tmpdir(), 'whenthen-fulfilment-'));
  cpSync(EXAMPLE, dir, { recursive: true, filter: (src) => !src.includes('.whenthen') });
  const runtime = new Runtime({ dir });
  close = () => {
    runtime.close();
    rmSync(dir, { recursive: true, force: true });
  };
  const customer = runtime.data.create('models.Customer', {
    customerId: 'CG-12520',
    name: 'Claire Gute',
  });
  const product = runtime.data.create('models.Product', {
    productId: 'FUR-BO-10001798',
    name: 'Bush Somerset Bookcase',
  });
  const order = (region: string | null) =>
    runtime.data.create('models.Order', {
      rowId: 1,
      orderId: 'CA-2016-152156',
      orderDate: '2016-11-08',
      shipDate: '2016-11-11',
      region,
      customer: customer.id,
      product: product.id,
      sales: 261.96,
      quantity: 2,
      discount: 0,
      profit: 41.91,
    });
  const ship = (orderId: number) => {
    const chain = rootChain();
    const result = runtime.services.call('services.Fulfilment', 'ship', { orderId }, chain);
    return { result: result as { orderId: number; shipDate: string }, requestId: chain.requestId };
  };
  return { runtime, order, ship };
}

const today = () => new Date().toISOString().slice(0, 10);

describe('the order-desk fulfilment demo', () => {
  it('loads its service, region table and subscriber without problems', () => {
    const { runtime } = demo();
    const items = runtime.listElements().items;
    const mine = items.filter((e) =>
      ['services.Fulfilment', 'models.RegionManager', 'events.NotifyRegionManager'].includes(
        e.name,
      ),
    );
    expect(mine.map((e) => [e.name, e.problems]).sort()).toEqual([
      ['events.NotifyRegionManager', []],
      ['models.RegionManager', []],
      ['services.Fulfilment', []],
    ]);
    expect(items.filter((e) => e.problems.length)).toEqual([]);
  });

  it('fills the region → manager table once', () => {
    const { runtime } = demo();
    expect(runtime.services.call('services.Fulfilment', 'setUpRegions', {})).toEqual({
      created: ['Central', 'East', 'South', 'West'],
    });
    expect(runtime.services.call('services.Fulfilment', 'setUpRegions', {})).toEqual({
      created: [],
    });
    const rows = runtime.data.query('models.RegionManager', undefined, { orderBy: 'region' }).items;
    expect(rows.map((r) => [r.region, r.manager])).toEqual([
      ['Central', 'gus'],
      ['East', 'hal'],
      ['South', 'ivy'],
      ['West', 'jon'],
    ]);
  });

  it('ships an order: ship date today, the audit row, then the region manager is notified after commit', async () => {
    const { runtime, order, ship } = demo();
    runtime.services.call('services.Fulfilment', 'setUpRegions', {});
    const line = order('West');

    const before = today();
    const { result, requestId } = ship(line.id);
    const after = today();

    expect([before, after]).toContain(result.shipDate);
    expect(result).toMatchObject({ orderId: line.id, orderNumber: 'CA-2016-152156' });
    expect(runtime.data.get('models.Order', line.id)!.shipDate).toBe(result.shipDate);
    const audit = runtime.data.query('models.AuditLog', undefined, {}).items;
    expect(audit.map((a) => a.changes)).toEqual([
      { shipDate: { before: '2016-11-11', after: result.shipDate } },
    ]);

    await runtime.idle();
    const notes = runtime.notifications.list({ to: 'jon' }).items;
    expect(notes.map((n) => [n.title, n.body])).toEqual([
      [
        'Order CA-2016-152156 shipped',
        `Order line ${line.id} (West) shipped on ${result.shipDate}.`,
      ],
    ]);
    expect(runtime.notifications.list({ to: 'gus' }).total).toBe(0);

    // One chain: the call, its write's audit event, the publish, and the async subscriber under it.
    const chain = runtime.executions.list({ requestId, limit: 50 }).items;
    const byId = new Map(chain.map((r) => [r.id, r]));
    const row = (event: string) => chain.find((r) => r.event === event)!;
    const parentOf = (event: string) => byId.get(row(event).parentId ?? '')?.event ?? null;
    expect(chain.map((r) => r.event).sort()).toEqual(
      [
        'events.AuditOrderChange',
        'events.NotifyRegionManager',
        'services.Fulfilment',
        'services.Fulfilment.shipped',
      ].sort(),
    );
    expect(row('services.Fulfilment')).toMatchObject({
      kind: 'service',
      handler: 'services.Fulfilment.ship',
      status: 'success',
    });
    expect(parentOf('services.Fulfilment.shipped')).toBe('services.Fulfilment');
    expect(parentOf('events.AuditOrderChange')).toBe('services.Fulfilment');
    expect(parentOf('events.NotifyRegionManager')).toBe('services.Fulfilment.shipped');
    expect(row('events.NotifyRegionManager')).toMatchObject({
      kind: 'custom',
      mode: 'async',
      status: 'success',
    });
  });

  it('refuses to ship an order line that does not exist, and publishes nothing', async () => {
    const { runtime, ship } = demo();
    runtime.services.call('services.Fulfilment', 'setUpRegions', {});
    let error: unknown = null;
    try {
      ship(999);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WhenThenError);
    expect((error as WhenThenError).message).toContain('There is no order line 999');
    await runtime.idle();
    expect(runtime.notifications.list({}).total).toBe(0);
    expect(runtime.executions.list({ event: 'services.Fulfilment.shipped' }).total).toBe(0);
  });

  it('refuses a call without the order line it must ship, before any code runs', () => {
    const { runtime } = demo();
    let error: unknown = null;
    try {
      runtime.services.call('services.Fulfilment', 'ship', {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WhenThenError);
    expect((error as WhenThenError).details).toEqual([
      { field: 'orderId', reason: 'services.Fulfilment.ship needs "orderId" (integer)' },
    ]);
    expect(runtime.executions.list({ event: 'services.Fulfilment' }).total).toBe(0);
  });

  it('notifies nobody when the region has no manager, and says so in the run', async () => {
    const { runtime, order, ship } = demo();
    const line = order('South');
    ship(line.id);
    await runtime.idle();
    expect(runtime.notifications.list({}).total).toBe(0);
    const run = runtime.executions.list({ event: 'events.NotifyRegionManager' }).items[0]!;
    expect(run.status).toBe('success');
    const logs = runtime.executions.detail(run.id)!.steps.flatMap((s) => s.logs ?? []);
    expect(logs.join('\n')).toContain('No manager for region South');
  });
});
