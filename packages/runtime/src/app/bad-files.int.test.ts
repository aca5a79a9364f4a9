import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Runtime } from '../runtime.js';
import { event, handler, model, testApp } from '../testing/builders.js';

let close: (() => void) | null = null;
afterEach(() => {
  close?.();
  close = null;
});

describe('an element file nested thousands of levels deep', () => {
  it('is reported on its element, and the application still opens with the others running', () => {
    const t = testApp({
      models: [model('Order', [{ name: 'note', type: 'text' }])],
      events: [
        event({
          name: 'Fill',
          timing: 'beforeCreate',
          code: handler(`event.next.note = 'filled';`),
        }),
      ],
    });
    t.runtime.close();
    const depth = 5000;
    const filter =
      '{"not":'.repeat(depth) + '{"field":"note","op":"eq","value":"x"}' + '}'.repeat(depth);
    mkdirSync(join(t.dir, 'events', 'Deep'), { recursive: true });
    writeFileSync(join(t.dir, 'events', 'Deep', 'handler.ts'), handler(''));
    writeFileSync(
      join(t.dir, 'events', 'Deep', 'e.json'),
      `{"type":"event","kind":"model","model":"models.Order","timing":"afterCreate","enabled":true,"filter":${filter}}`,
    );
    let runtime: Runtime | undefined;
    close = () => {
      runtime?.close();
      t.close();
    };
    runtime = new Runtime({ dir: t.dir });
    const deep = runtime.listElements().items.find((i) => i.name === 'events.Deep');
    expect(deep?.problems).toEqual([
      { file: 'events/Deep/e.json', field: '(root)', reason: 'nested more than 64 levels deep' },
    ]);
    expect(runtime.data.create('models.Order', {}).note).toBe('filled');
  });
});

describe('entries of a group folder that cannot be read', () => {
  it('are reported and the rest loads: a dangling symlink, a group that is a file, a code path that is a folder', () => {
    const t = testApp({
      models: [model('Order', [{ name: 'note', type: 'text' }])],
      events: [
        event({
          name: 'Fill',
          timing: 'beforeCreate',
          code: handler(`event.next.note = 'filled';`),
        }),
      ],
    });
    t.runtime.close();
    symlinkSync(join(t.dir, 'nowhere'), join(t.dir, 'models', 'Broken'));
    writeFileSync(join(t.dir, 'services'), 'not a folder');
    mkdirSync(join(t.dir, 'events', 'Odd', 'handler.ts'), { recursive: true });
    writeFileSync(
      join(t.dir, 'events', 'Odd', 'e.json'),
      JSON.stringify({
        type: 'event',
        kind: 'model',
        model: 'models.Order',
        timing: 'afterCreate',
      }),
    );
    let runtime: Runtime | undefined;
    close = () => {
      runtime?.close();
      t.close();
    };
    runtime = new Runtime({ dir: t.dir });
    const { items, problems } = runtime.listElements();
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          file: 'models/Broken',
          field: '(file)',
          reason: expect.stringContaining('cannot be read'),
        },
        {
          file: 'services',
          field: '(file)',
          reason: expect.stringContaining('cannot be read as a folder'),
        },
      ]),
    );
    expect(items.find((i) => i.name === 'events.Odd')?.problems[0]).toMatchObject({
      file: 'events/Odd/handler.ts',
      reason: expect.stringContaining('cannot be read'),
    });
    expect(runtime.data.create('models.Order', {}).note).toBe('filled');
  });
});
