import { afterEach, describe, expect, it } from 'vitest';
import { event, handler, model, testApp } from '../testing/builders.js';

let close: (() => void) | null = null;
afterEach(() => {
  close?.();
  close = null;
});

describe('query options from handler code', () => {
  it('are checked like the REST parameters instead of reaching SQLite', () => {
    const t = testApp({
      models: [
        model('Order', [{ name: 'sales', type: 'number' }]),
        model('Probe', [{ name: 'options', type: 'json' }]),
      ],
      events: [
        event({
          name: 'Ask',
          model: 'Probe',
          timing: 'beforeCreate',
          code: handler(`await app.models.Order.query(undefined, event.next.options);`),
        }),
      ],
    });
    close = t.close;
    for (let i = 0; i < 3; i++) t.runtime.data.create('models.Order', { sales: i });
    const refused = (options: unknown) => {
      try {
        t.runtime.data.create('models.Probe', { options });
      } catch (e) {
        return (e as Error).message;
      }
      return 'accepted';
    };
    expect(refused({ offset: 'x' })).toMatch(/offset: expected an integer of at least 0/);
    expect(refused({ limit: {} })).toMatch(/limit: expected an integer of at least 1/);
    expect(refused({ limit: -1 })).toMatch(/limit: expected an integer of at least 1/);
    expect(refused({ limit: '5' })).toMatch(/limit: expected an integer/);
    expect(refused({ limit: 1e9 })).toMatch(/limit: must be at most 1000/);
    expect(refused({ limt: 5 })).toMatch(/limt: unknown query option/);
    expect(refused([1])).toMatch(/options: expected/);
    expect(refused({ limit: 2, offset: 1, orderBy: '-sales' })).toBe('accepted');
    expect(refused(null)).toBe('accepted');
    expect(
      t.runtime.data
        .query('models.Order', undefined, { limit: 2, orderBy: '-sales' })
        .items.map((r) => r.sales),
    ).toEqual([2, 1]);
  });
});
