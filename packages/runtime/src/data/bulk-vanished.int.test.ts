import { afterEach, describe, expect, it } from 'vitest';
import { event, handler, model, testApp } from '../testing/builders.js';

let close: (() => void) | null = null;
afterEach(() => {
  close?.();
  close = null;
});

const Pair = model('Pair', [
  { name: 'grp', type: 'text' },
  { name: 'v', type: 'integer' },
]);
const where = { field: 'grp', op: 'eq', value: 'g' };
// Deleting an odd record takes its even partner (the next id) with it.
const takePartner = handler(
  `const partner = await app.models.Pair.get(event.prev.id + 1);\n  if (partner && event.prev.v % 2 === 1) await app.models.Pair.delete(partner.id);`,
);

describe('a bulk write whose handlers delete records it was about to write', () => {
  it('deleteMany passes over the records already gone and reports what it deleted itself', () => {
    const t = testApp({
      models: [Pair],
      events: [
        event({ name: 'TakePartner', model: 'Pair', timing: 'afterDelete', code: takePartner }),
      ],
    });
    close = t.close;
    const ids = [1, 2, 3, 4].map((v) => t.runtime.data.create('models.Pair', { grp: 'g', v }).id);
    expect(t.runtime.data.deleteMany('models.Pair', where)).toEqual({
      count: 2,
      ids: [ids[0], ids[2]],
    });
    expect(t.runtime.data.count('models.Pair')).toBe(0);
  });

  it('updateMany passes over a record a handler deleted, and updates the rest', () => {
    const t = testApp({
      models: [Pair],
      events: [
        event({
          name: 'DropNext',
          model: 'Pair',
          timing: 'afterUpdate',
          code: handler(
            `if (event.batch.index === 0) await app.models.Pair.delete(event.batch.ids[1]);`,
          ),
        }),
      ],
    });
    close = t.close;
    const ids = [1, 2, 3].map((v) => t.runtime.data.create('models.Pair', { grp: 'g', v }).id);
    expect(t.runtime.data.updateMany('models.Pair', where, { v: 9 })).toEqual({
      count: 2,
      ids: [ids[0], ids[2]],
    });
    expect(t.runtime.data.query('models.Pair').items).toEqual([
      { id: ids[0], grp: 'g', v: 9 },
      { id: ids[2], grp: 'g', v: 9 },
    ]);
  });
});
