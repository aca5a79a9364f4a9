import type { Field } from '@whenthen/schema';
import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n';
import type { KindContext } from '../types';
import { normaliseModelDraft, validateModelDraft, type ModelEventDraft } from './model-draft';

const fields: Field[] = [
  { name: 'sales', type: 'number', required: true },
  { name: 'status', type: 'enum', values: ['new', 'shipped'] },
];
const context: KindContext = {
  models: [{ name: 'models.Order', short: 'Order', title: 'Order', fields }],
  services: [],
  t: translator('en'),
};
const draft = (patch: Partial<ModelEventDraft>): ModelEventDraft => ({
  type: 'event',
  kind: 'model',
  title: 'T',
  handler: { type: 'inline' },
  async: false,
  order: 100,
  enabled: false,
  fields: [],
  filterMode: 'matches',
  model: 'models.Order',
  timing: 'afterUpdate',
  ...patch,
});

describe('validateModelDraft', () => {
  it('accepts a complete after-update event with trigger fields and a filter', () => {
    expect(
      validateModelDraft(
        draft({
          fields: ['status'],
          filter: { field: 'sales', op: 'gt', value: 10 },
          filterMode: 'becomesMatching',
        }),
        context,
      ),
    ).toEqual({});
  });

  it('asks for the model and the timing', () => {
    const errors = validateModelDraft(draft({ model: undefined, timing: undefined }), context);
    expect(errors.model).toEqual(['Choose the model whose writes set off this event.']);
    expect(errors.timing).toEqual(['Choose when the event runs.']);
  });

  it('refuses async on a before timing, next to the async switch', () => {
    expect(
      validateModelDraft(draft({ timing: 'beforeCreate', async: true }), context).async,
    ).toEqual(['before timings always run sync']);
  });

  it('names a filter value of the wrong type', () => {
    const errors = validateModelDraft(
      draft({ filter: { and: [{ field: 'sales', op: 'gt', value: 'big' }] } }),
      context,
    );
    expect(errors.filter?.[0]).toMatch(/^filter\.and\.0\.value: expected a number/);
  });

  it("asks for the service function in words, not as the schema's name pattern", () => {
    const errors = validateModelDraft(
      draft({ handler: { type: 'service', service: '', function: '' } }),
      context,
    );
    expect(errors).toEqual({
      handler: ['Choose the service function that handles the event.'],
    });
    expect(
      validateModelDraft(
        draft({ handler: { type: 'service', service: 'services.Billing', function: 'onOrder' } }),
        context,
      ),
    ).toEqual({});
  });

  it('checks an event whose file leaves out the trigger fields (a hand-written e.json)', () => {
    const { fields: _fields, ...rest } = draft({ timing: 'afterCreate' });
    expect(validateModelDraft(rest, context)).toEqual({});
  });

  it('refuses trigger fields the model does not have', () => {
    expect(validateModelDraft(draft({ fields: ['nope'] }), context).fields).toContain(
      'unknown field "nope"',
    );
  });
});

describe('normaliseModelDraft', () => {
  it('drops trigger fields and "becomes matching" when the timing is not an update', () => {
    const before = draft({ fields: ['status'], filterMode: 'becomesMatching' });
    const after = normaliseModelDraft(before, { ...before, timing: 'afterCreate' });
    expect(after.fields).toEqual([]);
    expect(after.filterMode).toBe('matches');
  });

  it('turns async off for before timings', () => {
    const before = draft({ async: true, timing: 'afterCreate' });
    expect(normaliseModelDraft(before, { ...before, timing: 'beforeCreate' }).async).toBe(false);
  });

  it('forgets fields and filter of another model', () => {
    const before = draft({ fields: ['status'], filter: { field: 'sales', op: 'gt', value: 1 } });
    const after = normaliseModelDraft(before, { ...before, model: 'models.Customer' });
    expect(after.fields).toEqual([]);
    expect(after.filter).toBeNull();
  });
});
