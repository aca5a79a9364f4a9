import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Runtime } from '../runtime.js';
import { model, testApp } from '../testing/builders.js';

let close: (() => void) | null = null;
afterEach(() => {
  close?.();
  close = null;
});

describe('element folders whose names differ only in case', () => {
  it('are all reported and none loads, so no two models share a table; removing one brings the other back', () => {
    const t = testApp({ models: [model('Order', [{ name: 'sales', type: 'number' }])] });
    close = t.close;
    const row = t.runtime.data.create('models.Order', { sales: 7 });

    // A git pull brings models/ORDER: SQLite table names ignore case, so it would open m_Order.
    mkdirSync(join(t.dir, 'models', 'ORDER'), { recursive: true });
    writeFileSync(
      join(t.dir, 'models', 'ORDER', 'e.json'),
      JSON.stringify({ type: 'model', fields: [{ name: 'x', type: 'text' }] }),
    );
    t.runtime.reload();

    const items = t.runtime.listElements().items;
    const problemOf = (name: string) =>
      items.find((i) => i.name === name)?.problems.map((p) => p.reason);
    expect(problemOf('models.Order')).toEqual([
      expect.stringContaining('clashes with models.ORDER'),
    ]);
    expect(problemOf('models.ORDER')).toEqual([
      expect.stringContaining('clashes with models.Order'),
    ]);
    expect(t.runtime.app().model('models.Order')).toBeUndefined();
    expect(t.runtime.app().model('models.ORDER')).toBeUndefined();
    expect(() => t.runtime.data.create('models.ORDER', { x: 'into the orders table' })).toThrow(
      /not found/,
    );
    // The exact spelling is found first, so the IDE opens the folder it shows.
    expect(t.runtime.getElement('models.ORDER').definition).toMatchObject({
      fields: [{ name: 'x' }],
    });

    // Deleting the newcomer leaves the orders and their table alone.
    t.runtime.deleteElement('models.ORDER');
    expect(t.runtime.data.get('models.Order', row.id)).toEqual({ id: row.id, sales: 7 });
  });

  it('also applies to events: neither of two clashing events runs', () => {
    const t = testApp({ models: [model('Order', [{ name: 'note', type: 'text' }])] });
    close = t.close;
    for (const name of ['Fill', 'FILL']) {
      mkdirSync(join(t.dir, 'events', name), { recursive: true });
      writeFileSync(
        join(t.dir, 'events', name, 'e.json'),
        JSON.stringify({
          type: 'event',
          kind: 'model',
          model: 'models.Order',
          timing: 'beforeCreate',
          enabled: true,
        }),
      );
      writeFileSync(
        join(t.dir, 'events', name, 'handler.ts'),
        `export default async function (event, app) {\n  event.next.note = '${name}';\n}\n`,
      );
    }
    t.runtime.reload();
    expect(t.runtime.data.create('models.Order', {}).note).toBeNull();
    rmSync(join(t.dir, 'events', 'FILL'), { recursive: true });
    t.runtime.reload();
    expect(t.runtime.data.create('models.Order', {}).note).toBe('Fill');
  });
});

describe('a service or flow named with the wrong case', () => {
  it('is not found, and the message names the element that exists', () => {
    const t = testApp({
      models: [model('Order', [{ name: 'discount', type: 'number' }])],
      services: [
        {
          name: 'Billing',
          functions: [{ name: 'charge', params: [] }],
          code: 'export async function charge(args, app) {\n  return 1;\n}\n',
        },
      ],
    });
    close = t.close;
    writeFileSync(
      join(t.dir, 'app.json'),
      JSON.stringify({ name: 'test', users: [{ id: 'ann', name: 'Ann' }] }),
    );
    mkdirSync(join(t.dir, 'approvals', 'Discount'), { recursive: true });
    writeFileSync(
      join(t.dir, 'approvals', 'Discount', 'e.json'),
      JSON.stringify({
        type: 'approval',
        model: 'models.Order',
        nodes: [{ id: 'manager', approvers: ['ann'], mode: 'any' }],
      }),
    );
    t.runtime.reload();
    const record = t.runtime.data.create('models.Order', { discount: 0.5 });
    expect(t.runtime.services.call('services.Billing', 'charge', {})).toBe(1);
    expect(
      t.runtime.approvals.submit('approvals.Discount', { recordId: record.id, user: 'ann' }).status,
    ).toBe('pending');

    const err = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e as { code: string; message: string };
      }
      throw new Error('expected a failure');
    };
    expect(err(() => t.runtime.services.call('services.billing', 'charge', {}))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'service services.billing not found (did you mean services.Billing?)',
    });
    expect(
      err(() =>
        t.runtime.approvals.submit('approvals.discount', { recordId: record.id, user: 'ann' }),
      ),
    ).toMatchObject({
      code: 'NOT_FOUND',
      message: 'approval flow approvals.discount not found (did you mean approvals.Discount?)',
    });
  });
});
