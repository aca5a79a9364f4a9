import { afterEach, describe, expect, it } from 'vitest';
import { WhenThenError } from '../errors.js';
import { event, handler, model, testApp } from '../testing/builders.js';

let close: (() => void) | null = null;
afterEach(() => {
  close?.();
  close = null;
});

function failure(fn: () => unknown): WhenThenError {
  try {
    fn();
  } catch (e) {
    if (e instanceof WhenThenError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}

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
