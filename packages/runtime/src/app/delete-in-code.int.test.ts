import { afterEach, describe, expect, it } from 'vitest';
import { event, failure, handler, model, testApp } from '../testing/builders.js';

let close: (() => void) | null = null;
afterEach(() => {
  close?.();
  close = null;
});

describe('deleting an element that code uses', () => {
  it('is refused with IN_USE naming the file and line; the model and its data stay', () => {
    const t = testApp({
      models: [
        model('Order', [{ name: 'sales', type: 'number' }]),
        model('Audit', [{ name: 'note', type: 'text' }]),
      ],
      events: [
        event({
          name: 'Log',
          timing: 'afterUpdate',
          code: handler(
            `  // keeps a trail\n  await app.models.Audit.create({ note: 'changed' });`,
          ),
        }),
      ],
      services: [
        {
          name: 'Report',
          functions: [{ name: 'count', params: [] }],
          code: 'export async function count(args, app) {\n  return (await app.models.Audit.query()).length;\n}\n',
        },
      ],
    });
    close = t.close;
    const order = t.runtime.data.create('models.Order', { sales: 1 });
    t.runtime.data.update('models.Order', order.id, { sales: 2 });

    const err = failure(() => t.runtime.deleteElement('models.Audit'));
    expect(err.code).toBe('IN_USE');
    expect(err.message).toBe(
      'models.Audit is used in code: services.Report (service.ts line 2), events.Log (handler.ts line 3)',
    );
    expect(t.runtime.data.count('models.Audit')).toBe(1);
    expect(t.runtime.data.update('models.Order', order.id, { sales: 3 }).sales).toBe(3);

    // Once no code names it, it goes (and a model that only shares a prefix is no obstacle).
    t.runtime.deleteElement('services.Report');
    t.runtime.deleteElement('events.Log');
    expect(t.runtime.deleteElement('models.Audit').name).toBe('models.Audit');
  });

  it('does not count a longer name that starts the same', () => {
    const t = testApp({
      models: [
        model('Order', [{ name: 'sales', type: 'number' }]),
        model('Aud', [{ name: 'note', type: 'text' }]),
        model('Audit', [{ name: 'note', type: 'text' }]),
      ],
      events: [
        event({
          name: 'Log',
          timing: 'afterCreate',
          code: handler(`await app.models.Audit.create({ note: 'x' });`),
        }),
      ],
    });
    close = t.close;
    expect(t.runtime.deleteElement('models.Aud').name).toBe('models.Aud');
  });
});

describe('removing a service function or declared event that code uses', () => {
  function setup() {
    const t = testApp({
      models: [model('Order', [{ name: 'sales', type: 'number' }])],
      events: [
        event({
          name: 'Charge',
          timing: 'afterCreate',
          code: handler(
            `  const r = await app.services.Billing.charge({ orderId: event.next.id });\n  await app.event.publish('services.Billing.paid', r);`,
          ),
        }),
      ],
      services: [
        {
          name: 'Billing',
          functions: [
            { name: 'charge', params: [{ name: 'orderId', type: 'integer' }] },
            { name: 'chargeAll', params: [] },
          ],
          eventDescs: [{ name: 'paid' }, { name: 'paidLater' }],
          code: 'export async function charge(args, app) {\n  return args;\n}\nexport async function chargeAll(args, app) {\n  return 0;\n}\n',
        },
      ],
    });
    close = t.close;
    return t;
  }

  it('is refused with IN_USE naming the function or event, the file and the line', () => {
    const t = setup();
    const doc = t.runtime.getElement('services.Billing');
    const def = doc.definition as ServiceDef;
    const renamed = {
      ...def,
      functions: def.functions.map((f) => (f.name === 'charge' ? { ...f, name: 'bill' } : f)),
      eventDescs: [{ name: 'paidLater' }],
    };
    const err = failure(() =>
      t.runtime.replaceElement('services.Billing', {
        definition: renamed,
        code: doc.code!.replace('function charge(', 'function bill('),
      }),
    );
    expect([err.code, err.message]).toEqual([
      'IN_USE',
      'services.Billing is still used in code: function charge by events.Charge (handler.ts line 2); event paid by events.Charge (handler.ts line 3)',
    ]);
    expect(t.runtime.getElement('services.Billing').version).toBe(doc.version);
    expect(t.runtime.data.create('models.Order', { sales: 1 }).sales).toBe(1);
  });

  it('lets go what no code names (a longer name that starts the same does not count)', () => {
    const t = setup();
    const doc = t.runtime.getElement('services.Billing');
    const def = doc.definition as ServiceDef;
    const saved = t.runtime.replaceElement('services.Billing', {
      definition: {
        ...def,
        functions: def.functions.filter((f) => f.name !== 'chargeAll'),
        eventDescs: [{ name: 'paid' }],
      },
      code: 'export async function charge(args, app) {\n  return args;\n}\n',
    });
    expect((saved.definition as ServiceDef).functions.map((f) => f.name)).toEqual(['charge']);
  });
});

type ServiceDef = { functions: { name: string }[]; eventDescs: { name: string }[] };
