import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Runtime } from '../runtime.js';
import { handler, model, testApp } from '../testing/builders.js';

let close: (() => void) | null = null;
afterEach(() => {
  close?.();
  close = null;
});

const waitFor = async (check: () => boolean, ms = 5000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting for the reload');
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('files changed on disk', () => {
  it('are picked up without a restart; a broken file is reported and the rest keeps working', async () => {
    const t = testApp({
      models: [
        model('Order', [
          { name: 'sales', type: 'number' },
          { name: 'note', type: 'text' },
        ]),
      ],
    });
    t.runtime.close();
    const runtime = new Runtime({ dir: t.dir, watch: true });
    close = () => {
      runtime.close();
      t.close();
    };
    // An editor adds an event.
    mkdirSync(join(t.dir, 'events', 'Fill'), { recursive: true });
    writeFileSync(
      join(t.dir, 'events', 'Fill', 'handler.ts'),
      handler(`event.next.note = 'from disk';`),
    );
    writeFileSync(
      join(t.dir, 'events', 'Fill', 'e.json'),
      JSON.stringify({
        type: 'event',
        kind: 'model',
        model: 'models.Order',
        timing: 'beforeCreate',
        enabled: true,
      }),
    );
    await waitFor(() => runtime.app().event('events.Fill') !== undefined);
    expect(runtime.data.create('models.Order', { sales: 1 }).note).toBe('from disk');

    // A broken e.json elsewhere is reported with its file; the event keeps running.
    mkdirSync(join(t.dir, 'models', 'Broken'), { recursive: true });
    writeFileSync(join(t.dir, 'models', 'Broken', 'e.json'), '{ "type": "model", "fields": [ ');
    await waitFor(() => runtime.listElements().items.some((i) => i.name === 'models.Broken'));
    const broken = runtime.listElements().items.find((i) => i.name === 'models.Broken')!;
    expect(broken.problems[0]).toMatchObject({ file: 'models/Broken/e.json', field: '(root)' });
    expect(broken.problems[0]!.reason).toMatch(/not valid JSON/);
    expect(runtime.data.create('models.Order', { sales: 2 }).note).toBe('from disk');

    // Switched off on disk: takes effect without a restart.
    writeFileSync(
      join(t.dir, 'events', 'Fill', 'e.json'),
      JSON.stringify({
        type: 'event',
        kind: 'model',
        model: 'models.Order',
        timing: 'beforeCreate',
        enabled: false,
      }),
    );
    await waitFor(() => runtime.app().event('events.Fill')?.definition.enabled === false);
    expect(runtime.data.create('models.Order', { sales: 3 }).note).toBeNull();

    // Saved by WhenThen (temp file renamed over e.json), then edited on disk again: still seen.
    runtime.setEnabled('events.Fill', true);
    expect(runtime.data.create('models.Order', { sales: 4 }).note).toBe('from disk');
    writeFileSync(
      join(t.dir, 'events', 'Fill', 'handler.ts'),
      handler(`event.next.note = 'edited again';`),
    );
    await waitFor(() => runtime.app().event('events.Fill')?.code.includes('edited again') === true);
    writeFileSync(
      join(t.dir, 'events', 'Fill', 'e.json'),
      JSON.stringify({
        type: 'event',
        kind: 'model',
        model: 'models.Order',
        timing: 'beforeCreate',
        enabled: false,
      }),
    );
    await waitFor(() => runtime.app().event('events.Fill')?.definition.enabled === false);
  });
});
