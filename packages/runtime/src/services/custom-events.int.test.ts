import type { Field } from '@whenthen/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { failure, handler, model, type ServiceSpec, testApp } from '../testing/builders.js';

const Order = model('Order', [
  { name: 'sales', type: 'number' },
  { name: 'paid', type: 'boolean' },
  { name: 'note', type: 'text' },
] as Field[]);
const Log = model('Log', [{ name: 'text', type: 'text' }] as Field[]);

const billing: ServiceSpec = {
  name: 'Billing',
  functions: [
    { name: 'pay', params: [{ name: 'orderId', type: 'integer' }] },
    { name: 'onOrder', params: [{ name: 'event', type: 'event:model' }] },
    { name: 'onPaid', params: [{ name: 'event', type: 'event:custom' }] },
    {
      name: 'total',
      params: [
        { name: 'a', type: 'number', required: true },
        { name: 'b', type: 'number' },
      ],
    },
    { name: 'publishUndeclared', params: [] },
  ],
  eventDescs: [{ name: 'paid', title: 'Paid' }, { name: 'refunded' }],
  code: `export async function pay(args, app) {
  const order = await app.models.Order.update(args.orderId, { paid: true });
  await app.event.publish('services.Billing.paid', { orderId: order.id, sales: order.sales });
  return { ok: true, orderId: order.id };
}
export async function onOrder(event, app) {
  await app.models.Log.create({ text: 'order ' + event.next.id });
}
export async function onPaid(event, app) {
  await app.models.Log.create({ text: 'service saw ' + event.args.orderId });
}
export function total(args, app) {
  return args.a + args.b;
}
export async function publishUndeclared(args, app) {
  await app.event.publish('services.Billing.shipped', {});
}
`,
};

const subscriber = (name: string, body: string, extra: Record<string, unknown> = {}) => ({
  name,
  definition: { kind: 'custom', sender: 'services.Billing.paid', ...extra },
  code: handler(body),
});

let close: (() => void) | null = null;
afterEach(() => {
  close?.();
  close = null;
});
function setup(opts: Omit<Parameters<typeof testApp>[0], 'models'>) {
  const t = testApp({ models: [Order, Log], services: [billing], ...opts });
  close = t.close;
  return t;
}
const logs = (runtime: ReturnType<typeof setup>['runtime']) =>
  runtime.data.query('models.Log', undefined, { orderBy: 'id' }).items.map((l) => l.text);

describe('service functions', () => {
  it('are called with checked arguments and return their result', () => {
    const { runtime } = setup({});
    expect(runtime.services.call('services.Billing', 'total', { a: 2, b: 3 })).toBe(5);
    expect(failure(() => runtime.services.call('services.Billing', 'total', { a: 'x' })).code).toBe(
      'VALIDATION_FAILED',
    );
    expect(
      failure(() => runtime.services.call('services.Billing', 'total', { c: 1 })).message,
    ).toContain('no parameter "c"');
    // A required parameter left out (or null) is refused by name; an optional one arrives undefined.
    for (const args of [{ b: 1 }, { a: null, b: 1 }, undefined]) {
      const refused = failure(() => runtime.services.call('services.Billing', 'total', args));
      expect(refused.code).toBe('VALIDATION_FAILED');
      expect(refused.details).toEqual([
        { field: 'a', reason: 'services.Billing.total needs "a" (number)' },
      ]);
    }
    expect(() => runtime.services.call('services.Billing', 'total', { a: 2 })).not.toThrow();
    expect(failure(() => runtime.services.call('services.Billing', 'nope', {})).code).toBe(
      'NOT_FOUND',
    );
    expect(failure(() => runtime.services.call('services.Nope', 'total', {})).code).toBe(
      'NOT_FOUND',
    );
  });

  it('are reachable from handlers as app.services', () => {
    const { runtime } = setup({
      events: [
        {
          name: 'UseTotal',
          timing: 'beforeCreate',
          code: handler(
            `event.next.note = String(await app.services.Billing.total({ a: event.next.sales, b: 1 }));`,
          ),
        },
      ],
    });
    expect(runtime.data.create('models.Order', { sales: 4 }).note).toBe('5');
  });

  it('handle events when they fit the kind, called as fn(payload, app)', () => {
    const { runtime } = setup({
      rawEvents: [
        {
          name: 'ViaService',
          definition: {
            kind: 'model',
            model: 'models.Order',
            timing: 'afterCreate',
            handler: { type: 'service', service: 'services.Billing', function: 'onOrder' },
          },
        },
      ],
    });
    const row = runtime.data.create('models.Order', { sales: 1 });
    expect(logs(runtime)).toEqual([`order ${row.id}`]);
    const [run] = runtime.executions.list({ event: 'events.ViaService' }).items;
    expect(run!.handler).toBe('services.Billing.onOrder');
  });

  it('that do not fit are refused, saying why', () => {
    const { runtime } = setup({});
    const save = (fn: string) =>
      failure(() =>
        runtime.createElement({
          name: 'events.Bad',
          definition: {
            type: 'event',
            kind: 'model',
            model: 'models.Order',
            timing: 'afterCreate',
            handler: { type: 'service', service: 'services.Billing', function: fn },
          },
        }),
      );
    expect(save('pay').details![0]!.reason).toContain(
      'exactly one parameter of type event:model (it declares orderId: integer)',
    );
    expect(save('onPaid').details![0]!.reason).toContain('event:model');
    expect(save('missing').details![0]!.reason).toContain('has no function "missing"');
  });
});

describe('custom events', () => {
  it('run sync subscribers in order inside the publisher’s write; async ones after commit', async () => {
    const { runtime } = setup({
      rawEvents: [
        subscriber(
          'Second',
          `await app.models.Log.create({ text: 'second ' + event.args.orderId });`,
          { order: 20 },
        ),
        subscriber('First', `await app.models.Log.create({ text: 'first ' + event.sender });`, {
          order: 10,
        }),
        subscriber('Later', `await app.models.Log.create({ text: 'later' });`, { async: true }),
        {
          name: 'ViaService',
          definition: {
            kind: 'custom',
            sender: 'services.Billing.paid',
            order: 30,
            handler: { type: 'service', service: 'services.Billing', function: 'onPaid' },
          },
        },
      ],
    });
    const order = runtime.data.create('models.Order', { sales: 10 });
    expect(runtime.services.call('services.Billing', 'pay', { orderId: order.id })).toEqual({
      ok: true,
      orderId: order.id,
    });
    expect(logs(runtime)).toEqual([
      'first services.Billing.paid',
      `second ${order.id}`,
      `service saw ${order.id}`,
    ]);
    await runtime.idle();
    expect(logs(runtime)).toEqual([
      'first services.Billing.paid',
      `second ${order.id}`,
      `service saw ${order.id}`,
      'later',
    ]);
  });

  it('roll back the publisher and every subscriber when a sync subscriber fails, and fail the call', () => {
    const { runtime } = setup({
      rawEvents: [
        subscriber('Writes', `await app.models.Log.create({ text: 'written' });`, { order: 1 }),
        subscriber('Fails', `throw new Error('cannot ship');`, { order: 2 }),
        subscriber('Later', `await app.models.Log.create({ text: 'later' });`, { async: true }),
      ],
      worker: false,
    });
    const order = runtime.data.create('models.Order', { sales: 10 });
    const err = failure(() =>
      runtime.services.call('services.Billing', 'pay', { orderId: order.id }),
    );
    expect(err.code).toBe('EVENT_FAILED');
    expect(err.message).toContain('events.Fails');
    expect(runtime.data.get('models.Order', order.id)!.paid).toBeNull();
    expect(logs(runtime)).toEqual([]);
    expect(runtime.outbox.nextDue()).toBeNull();
  });

  it('a publish whose sync subscriber failed is recorded as rolled back, also when the publisher catches the error', () => {
    const { runtime } = setup({
      events: [
        {
          name: 'Announce',
          timing: 'afterCreate',
          code: handler(`try { await app.event.publish('services.Billing.paid', { orderId: event.next.id }); }
  catch (e) { await app.models.Log.create({ text: 'caught' }); }`),
        },
      ],
      rawEvents: [
        subscriber('Writes', `await app.models.Log.create({ text: 'written' });`, { order: 1 }),
        subscriber('Fails', `throw new Error('cannot ship');`, { order: 2 }),
      ],
    });
    const order = runtime.data.create('models.Order', { sales: 10 });
    expect(logs(runtime)).toEqual(['caught']);
    const publish = runtime.executions.list({ event: 'services.Billing.paid' }).items;
    expect(publish.map((r) => [r.kind, r.rolledBack])).toEqual([['publish', true]]);
    const chain = runtime.executions.detail(publish[0]!.id)!.chain;
    expect(chain.map((c) => [c.event, c.status, c.rolledBack])).toEqual([
      ['events.Announce', 'success', false],
      ['services.Billing.paid', 'success', true],
      ['events.Writes', 'success', true],
      ['events.Fails', 'failed', true],
    ]);
    expect(runtime.data.get('models.Order', order.id)).not.toBeNull();
  });

  it('refuse an undeclared sender, naming the service and what it declares', () => {
    const { runtime } = setup({});
    const err = failure(() => runtime.services.call('services.Billing', 'publishUndeclared', {}));
    expect(err.code).toBe('EVENT_FAILED');
    expect(err.message).toContain('service.ts line 16');
    expect(err.message).toContain(
      'services.Billing does not declare an event "shipped"; it declares paid, refunded',
    );
  });

  it('follow the enable switch', () => {
    const { runtime } = setup({
      rawEvents: [subscriber('First', `await app.models.Log.create({ text: 'first' });`)],
    });
    const order = runtime.data.create('models.Order', { sales: 10 });
    runtime.setEnabled('events.First', false);
    runtime.services.call('services.Billing', 'pay', { orderId: order.id });
    expect(logs(runtime)).toEqual([]);
    runtime.setEnabled('events.First', true);
    runtime.services.call('services.Billing', 'pay', { orderId: order.id });
    expect(logs(runtime)).toEqual(['first']);
  });

  it('record one chain: the call, the publish, each subscriber, the model events they set off', () => {
    const { runtime } = setup({
      events: [
        {
          name: 'OnLog',
          model: 'Log',
          timing: 'afterCreate',
          code: handler(`app.log('logged', event.next.text);`),
        },
      ],
      rawEvents: [subscriber('First', `await app.models.Log.create({ text: 'first' });`)],
    });
    const order = runtime.data.create('models.Order', { sales: 10 });
    runtime.services.call('services.Billing', 'pay', { orderId: order.id });
    const call = runtime.executions.list({ event: 'services.Billing' }).items[0]!;
    const chain = runtime.executions.detail(call.id)!.chain;
    const byId = new Map(chain.map((c) => [c.id, c]));
    const parentOf = (event: string) =>
      byId.get(chain.find((c) => c.event === event)!.parentId!)?.event;
    expect(chain.map((c) => c.event)).toEqual([
      'services.Billing',
      'services.Billing.paid',
      'events.First',
      'events.OnLog',
    ]);
    expect(parentOf('services.Billing.paid')).toBe('services.Billing');
    expect(parentOf('events.First')).toBe('services.Billing.paid');
    expect(parentOf('events.OnLog')).toBe('events.First');
    expect(call).toMatchObject({
      kind: 'service',
      timing: 'pay',
      handler: 'services.Billing.pay',
      status: 'success',
    });
  });

  it('protect what events use: a subscribed event or a used function cannot go away', () => {
    const { runtime } = setup({
      rawEvents: [
        subscriber('First', `await app.models.Log.create({ text: 'first' });`),
        {
          name: 'ViaService',
          definition: {
            kind: 'model',
            model: 'models.Order',
            timing: 'afterCreate',
            handler: { type: 'service', service: 'services.Billing', function: 'onOrder' },
          },
        },
      ],
    });
    const doc = runtime.getElement('services.Billing');
    const def = doc.definition as { eventDescs: unknown[]; functions: { name: string }[] };
    const withoutPaid = { ...def, eventDescs: [{ name: 'refunded' }] };
    expect(
      failure(() => runtime.replaceElement('services.Billing', { definition: withoutPaid })).code,
    ).toBe('IN_USE');
    const withoutOnOrder = { ...def, functions: def.functions.filter((f) => f.name !== 'onOrder') };
    const err = failure(() =>
      runtime.replaceElement('services.Billing', { definition: withoutOnOrder }),
    );
    expect([err.code, err.message]).toEqual([
      'IN_USE',
      expect.stringContaining('events.ViaService'),
    ]);
    expect(failure(() => runtime.deleteElement('services.Billing')).code).toBe('IN_USE');
  });
});
