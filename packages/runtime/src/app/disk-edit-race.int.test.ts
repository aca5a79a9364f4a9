import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WhenThenError } from '../errors.js';
import { event, handler, model, testApp } from '../testing/builders.js';

let close: (() => void) | null = null;
afterEach(() => {
  close?.();
  close = null;
});

// No watcher here: the runtime has not reloaded yet, as in the moment before a watcher fires.
function setup() {
  const t = testApp({
    models: [model('Order', [{ name: 'note', type: 'text' }])],
    events: [
      event({
        name: 'Fill',
        timing: 'beforeCreate',
        enabled: false,
        code: handler(`event.next.note = 'x';`),
      }),
    ],
  });
  close = t.close;
  const file = join(t.dir, 'events', 'Fill', 'e.json');
  const editOnDisk = (change: Record<string, unknown>) =>
    writeFileSync(
      file,
      JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), ...change }, null, 2),
    );
  return { ...t, file, editOnDisk };
}

describe('an edit on disk that the runtime has not reloaded yet', () => {
  it('makes a replace with the version read before it STALE, and the edit stays', () => {
    const t = setup();
    const before = t.runtime.getElement('events.Fill');
    t.editOnDisk({ title: 'edited in an editor', order: 7 });
    let err: unknown;
    try {
      t.runtime.replaceElement('events.Fill', {
        definition: { ...(before.definition as object), title: 'from the IDE' },
        version: before.version,
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(WhenThenError);
    expect((err as WhenThenError).code).toBe('STALE');
    expect(JSON.parse(readFileSync(t.file, 'utf8'))).toMatchObject({
      title: 'edited in an editor',
      order: 7,
    });
  });

  it('is kept by the event switch, which changes only enabled', () => {
    const t = setup();
    t.editOnDisk({ title: 'edited in an editor', order: 7 });
    const doc = t.runtime.setEnabled('events.Fill', true);
    expect(doc.definition).toMatchObject({ title: 'edited in an editor', order: 7, enabled: true });
    expect(JSON.parse(readFileSync(t.file, 'utf8'))).toMatchObject({
      title: 'edited in an editor',
      order: 7,
      enabled: true,
    });
  });
});
