import { afterEach, describe, expect, it } from 'vitest';
import { event, handler, model, testApp } from '../testing/builders.js';

let close: (() => void) | null = null;
afterEach(() => {
  close?.();
  close = null;
});

const Order = model('Order', [
  { name: 'sales', type: 'number' },
  { name: 'note', type: 'text' },
]);

describe('the record a write returns', () => {
  it('is the record as stored after its sync after handlers wrote it again (create and update)', () => {
    const t = testApp({
      models: [Order],
      events: [
        event({
          name: 'Stamp',
          timing: 'afterWrite',
          fields: ['sales'],
          code: handler(
            `await app.models.Order.update(event.next.id, { note: 'stamped ' + event.next.sales });`,
          ),
        }),
      ],
    });
    close = t.close;
    const created = t.runtime.data.create('models.Order', { sales: 5 });
    expect(created).toEqual({ id: created.id, sales: 5, note: 'stamped 5' });
    expect(t.runtime.data.get('models.Order', created.id)).toEqual(created);
    const updated = t.runtime.data.update('models.Order', created.id, { sales: 6 });
    expect(updated).toEqual({ id: created.id, sales: 6, note: 'stamped 6' });
    expect(t.runtime.data.get('models.Order', created.id)).toEqual(updated);
  });

  it('is the row as written when a sync after handler deleted it', () => {
    const t = testApp({
      models: [Order],
      events: [
        event({
          name: 'Drop',
          timing: 'afterCreate',
          code: handler(`await app.models.Order.delete(event.next.id);`),
        }),
      ],
    });
    close = t.close;
    const created = t.runtime.data.create('models.Order', { sales: 1 });
    expect(created).toEqual({ id: created.id, sales: 1, note: null });
    expect(t.runtime.data.get('models.Order', created.id)).toBeNull();
  });
});
