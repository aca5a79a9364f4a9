import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n';
import type { ModelEventDraft } from './model-draft';
import { modelPayload } from './model-payload';

const context = {
  models: [
    {
      name: 'models.Order',
      short: 'Order',
      title: 'Order line',
      fields: [{ name: 'sales', type: 'number' as const, title: 'Sales', required: true }],
    },
  ],
  services: [],
  t: translator('en'),
};
const draft = (timing: ModelEventDraft['timing']) =>
  ({
    kind: 'model',
    model: 'models.Order',
    timing,
    fields: [],
    filterMode: 'matches',
  }) as unknown as ModelEventDraft;

describe('modelPayload', () => {
  it('types the payload from the model and timing', () => {
    const payload = modelPayload(draft('afterCreate'), context);
    expect(payload.type).toBe("ModelEvent<Models.Order, 'afterCreate'>");
    expect(payload.fields[0]!.children!.map((f) => [f.path.join('.'), f.type])).toEqual([
      ['next.id', 'number'],
      ['next.sales', 'number'],
    ]);
  });

  it('offers next on create, both on update, prev on delete', () => {
    const records = (timing: ModelEventDraft['timing']) =>
      modelPayload(draft(timing), context)
        .fields.filter((f) => f.children)
        .map((f) => f.path[0]);
    expect(records('beforeCreate')).toEqual(['next']);
    expect(records('afterUpdate')).toEqual(['next', 'prev']);
    expect(records('afterDelete')).toEqual(['prev']);
    expect(records('afterWrite')).toEqual(['next', 'prev']);
  });
});
