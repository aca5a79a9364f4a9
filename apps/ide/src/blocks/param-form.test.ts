import type { Field } from '@whenthen/schema';
import { applyEdit, parseBlocks, type Block } from '@whenthen/blocks';
import { describe, expect, it } from 'vitest';
import { translator } from '../i18n';
import {
  editsFromForm,
  emptyModeOf,
  enumValues,
  formFields,
  missingFields,
  specFromForm,
} from './param-form';
import { templateOf } from './templates';

const fields: Field[] = [
  { name: 'sales', type: 'number', title: 'Sales', required: true },
  { name: 'region', type: 'enum', values: ['East', 'West'] },
  { name: 'note', type: 'text' },
];
const context = {
  models: [{ name: 'models.Order', short: 'Order', title: 'Order line', fields }],
  services: [
    {
      name: 'services.Billing',
      short: 'Billing',
      title: 'Billing',
      functions: [
        { name: 'charge', title: 'Charge', params: [{ name: 'orderId', type: 'integer' }] },
      ],
      events: [],
    },
  ],
  t: translator('en'),
};

const handler = (body: string) => `export default async function (event, app) {\n${body}\n}\n`;
const only = (code: string): { doc: ReturnType<typeof parseBlocks>; block: Block } => {
  const doc = parseBlocks(code);
  return { doc, block: doc.blocks[0]! };
};
/** Applies the edits the form gives for `values` to the first block of `code`. */
const submit = (code: string, values: Record<string, string>) => {
  const { doc, block } = only(code);
  const template = templateOf(block);
  const form = formFields(template, context, block);
  let current = { code, doc };
  for (const edit of editsFromForm(doc, block, template, form, values)) {
    current = applyEdit(current.code, current.doc, edit);
  }
  return current.code;
};

describe('the "Set parameters" form', () => {
  it('offers a model’s fields for create, required ones marked, filled from the code', () => {
    const { block } = only(handler("  await app.models.Order.create({ sales: 5, note: 'x' });"));
    const form = formFields(templateOf(block), context, block);
    expect(form.map((f) => [f.key, f.text, !!f.required])).toEqual([
      ['values.sales', '5', true],
      ['values.region', '', false],
      ['values.note', "'x'", false],
      ['assignTo', '', false],
    ]);
    expect(form[1]!.type).toBe('"East" | "West"');
  });

  it("offers the application's users as a notification's recipient; service parameters are required only when declared so", () => {
    const users = [{ id: 'ann', name: 'Ann (sales manager)' }, { id: 'bob' }];
    const notify = formFields({ kind: 'notify' }, { ...context, users });
    expect(notify.find((f) => f.key === 'to')?.suggestions).toEqual([
      { value: 'ann', label: 'Ann (sales manager) · ann' },
      { value: 'bob', label: 'bob' },
    ]);
    const charge = formFields(
      { kind: 'serviceCall', service: 'Billing', fn: 'charge' },
      {
        ...context,
        services: [
          {
            ...context.services[0]!,
            functions: [
              {
                name: 'charge',
                params: [
                  { name: 'orderId', type: 'integer', required: true },
                  { name: 'note', type: 'text' },
                ],
              },
            ],
          },
        ],
      },
    );
    expect(charge.filter((f) => f.key.startsWith('args.')).map((f) => [f.key, f.required])).toEqual(
      [
        ['args.orderId', true],
        ['args.note', false],
      ],
    );
  });

  it('fills the sender of a publish picked as an event, and asks for an assignment target as an expression', () => {
    const publish = formFields({ kind: 'publish', sender: 'services.Billing.paid' }, context);
    expect(publish.find((f) => f.key === 'sender')?.text).toBe("'services.Billing.paid'");
    const assign = formFields({ kind: 'setVariable', declare: null }, context);
    expect(assign.find((f) => f.key === 'target')?.emptyMode).toBe('expression');
  });

  it('writes a new block from a template', () => {
    expect(
      specFromForm(
        { kind: 'data', model: 'Order', op: 'update' },
        { id: 'event.next.id', 'patch.note': "'seen'", assignTo: 'saved' },
      ),
    ).toEqual({
      kind: 'data',
      model: 'Order',
      op: 'update',
      args: ['event.next.id', { note: "'seen'" }],
      assignTo: { target: 'saved' },
    });
    expect(
      specFromForm(
        { kind: 'serviceCall', service: 'Billing', fn: 'charge' },
        { 'args.orderId': '7' },
      ),
    ).toEqual({
      kind: 'serviceCall',
      service: 'Billing',
      fn: 'charge',
      args: [{ orderId: '7' }],
    });
    expect(
      specFromForm({ kind: 'data', model: 'Order', op: 'query' }, { options: '{ limit: 5 }' }),
    ).toMatchObject({
      args: ['undefined', '{ limit: 5 }'],
    });
  });

  it('changes only the parameters that changed, keeping the rest of the statement as written', () => {
    const code = handler("  await app.notify({\n    to: 'ann', // who\n    title: 'Big',\n  });");
    expect(submit(code, { to: "'ann'", title: "'Bigger'", body: '' })).toBe(
      handler("  await app.notify({\n    to: 'ann', // who\n    title: 'Bigger',\n  });"),
    );
  });

  it('adds and removes object fields, and adds a missing object argument whole', () => {
    expect(
      submit(handler('  await app.models.Order.create({ sales: 5 });'), {
        'values.sales': '',
        'values.note': "'n'",
      }),
    ).toBe(handler("  await app.models.Order.create({ note: 'n' });"));
    expect(
      submit(handler('  await app.services.Billing.charge();'), {
        'args.orderId': 'event.next.id',
      }),
    ).toBe(handler('  await app.services.Billing.charge({ orderId: event.next.id });'));
  });

  it('writes the statement again when its result is kept (or no longer kept)', () => {
    expect(
      submit(handler('  await app.models.Order.get(event.next.id);'), { assignTo: 'order' }),
    ).toBe(handler('  const order = await app.models.Order.get(event.next.id);'));
    expect(submit(handler('  let order = await app.models.Order.get(1);'), { assignTo: '' })).toBe(
      handler('  await app.models.Order.get(1);'),
    );
    expect(
      submit(handler('  let order = await app.models.Order.get(1);'), { assignTo: 'found' }),
    ).toBe(handler('  let found = await app.models.Order.get(1);'));
  });

  it('edits the conditions of else-if branches', () => {
    const code = handler('  if (a) {\n  } else if (b) {\n  }');
    expect(submit(code, { 'slot:1:test': 'c > 1' })).toBe(
      handler('  if (a) {\n  } else if (c > 1) {\n  }'),
    );
  });

  it('starts a log line of a variable with its name and value', () => {
    const form = formFields({ kind: 'log', preset: ["'order'", 'order'] }, context);
    expect(form.map((f) => f.text)).toEqual(["'order'", 'order']);
  });

  it('says which required values are missing', () => {
    const form = formFields({ kind: 'notify' }, context);
    expect(missingFields(form, { to: "'ann'", title: ' ' })).toEqual(['title']);
  });

  it('starts empty values in the input their type needs', () => {
    expect(enumValues('"East" | "West"')).toEqual(['East', 'West']);
    expect(enumValues('string')).toBeUndefined();
    expect(emptyModeOf('number')).toBe('number');
    expect(emptyModeOf('"East" | "West"')).toBe('text');
    expect(emptyModeOf('Models.Order')).toBe('expression');
  });
});
