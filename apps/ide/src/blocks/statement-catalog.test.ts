import { parseBlocks } from '@whenthen/blocks';
import { describe, expect, it } from 'vitest';
import { translator } from '../i18n';
import { summarize } from './block-summary';
import { statementCatalog, templateAt } from './statement-catalog';

const t = translator('en');
const models = [{ name: 'models.Order', short: 'Order', title: 'Order line', fields: [] }];
const services = [
  {
    name: 'services.Billing',
    short: 'Billing',
    title: 'Billing',
    functions: [
      { name: 'charge', title: 'Charge', params: [{ name: 'orderId', type: 'integer' }] },
    ],
    events: [{ name: 'paid', title: 'Paid' }],
  },
];

describe('the statement picker', () => {
  const catalog = statementCatalog({ models, services, variables: ['order'], t });

  it('groups variables, services, data models, events and the rest', () => {
    expect(catalog.map((group) => group.label)).toEqual([
      'Variables',
      'Services',
      'Data models',
      'Events',
      'Other',
    ]);
  });

  it('leads from Services through Message service to Notification, and lists each service function', () => {
    expect(templateAt(catalog, ['services', 'message', 'notify'])).toEqual({ kind: 'notify' });
    expect(templateAt(catalog, ['services', 'Billing', 'charge'])).toEqual({
      kind: 'serviceCall',
      service: 'Billing',
      fn: 'charge',
    });
  });

  it('offers a model’s operations in the designed order, every one callable', () => {
    const ops = catalog[2]!.children![0]!.children!;
    expect(ops.map((op) => op.label)).toEqual([
      'Get one',
      'Query',
      'Create',
      'Update by id',
      'Update by condition',
      'Delete by id',
      'Delete by condition',
      'Count',
    ]);
    expect(ops.filter((op) => op.disabled)).toEqual([]);
    expect(ops.at(-1)!.template).toEqual({ kind: 'data', model: 'Order', op: 'count' });
  });

  it('publishes declared events and assigns variables', () => {
    expect(templateAt(catalog, ['events', 'Billing.paid'])).toEqual({
      kind: 'publish',
      sender: 'services.Billing.paid',
    });
    expect(templateAt(catalog, ['variables', 'order', 'log'])).toEqual({
      kind: 'log',
      preset: ["'order'", 'order'],
    });
    expect(templateAt(catalog, ['variables', 'order', 'assign'])).toEqual({
      kind: 'setVariable',
      declare: null,
      target: 'order',
    });
    expect(statementCatalog({ models, services, variables: [], t })[0]!.value).toBe('services');
  });
});

describe('row summaries', () => {
  const doc = parseBlocks(`export default async function (event, app) {
  const saved = await app.models.Order.update(event.next.id, { note: 'x', region: 'East' });
  await app.services.Billing.charge({ orderId: event.next.id });
}
`);
  const context = { models, services, t };

  it('name the operation and model, show the arguments as chips and where the result goes', () => {
    expect(summarize(doc.blocks[0]!, context)).toEqual({
      category: 'data',
      title: 'Update by id · Order line',
      parts: [
        { chip: 'event.next.id', form: 'eventPath' },
        { chip: "'x'", form: 'literal', name: 'note' },
        { chip: "'East'", form: 'literal', name: 'region' },
        { words: '→' },
        { chip: 'saved', form: 'name' },
      ],
    });
  });

  it('name a service call by the service’s and function’s titles', () => {
    expect(summarize(doc.blocks[1]!, context).title).toBe('Billing → Charge');
  });
});
