import { describe, expect, it } from 'vitest';
import type { ElementDocument } from '../api/types';
import { createEventEditorStore, isDirty } from './event-editor-store';

const doc: ElementDocument = {
  name: 'events.NotifyBigOrder',
  definition: {
    type: 'event',
    kind: 'model',
    title: 'Notify',
    model: 'models.Order',
    timing: 'afterCreate',
    enabled: false,
  },
  code: 'export default async function (event, app) {}\n',
  version: 'v1',
};

describe('event editor store', () => {
  it('is clean after loading and dirty after an edit of the form or the code', () => {
    const store = createEventEditorStore();
    store.getState().apply({ type: 'loaded', doc });
    expect(isDirty(store.getState())).toBe(false);
    store.getState().apply({ type: 'edit', patch: { title: 'Notify big' } });
    expect(isDirty(store.getState())).toBe(true);
    store.getState().apply({ type: 'loaded', doc: { ...doc, version: 'v2' } });
    store.getState().apply({ type: 'code', code: '// changed' });
    expect(isDirty(store.getState())).toBe(true);
  });

  it('does not count the enable switch as an unsaved change', () => {
    const store = createEventEditorStore();
    store.getState().apply({ type: 'loaded', doc });
    store.getState().apply({ type: 'switched', enabled: true, version: 'v3' });
    expect(isDirty(store.getState())).toBe(false);
    expect(store.getState().draft?.enabled).toBe(true);
    expect(store.getState().doc?.version).toBe('v3');
  });

  it('keeps unsaved code unsaved when the switch is flipped (the saved code is what runs)', () => {
    const store = createEventEditorStore();
    store.getState().apply({ type: 'loaded', doc });
    store.getState().apply({ type: 'code', code: 'broken(' });
    store.getState().apply({ type: 'switched', enabled: true, version: 'v3' });
    expect(isDirty(store.getState())).toBe(true);
    expect(store.getState().saved?.code).toBe(doc.code);
  });

  it('fills the keys every event has', () => {
    const store = createEventEditorStore();
    store.getState().apply({ type: 'loaded', doc });
    expect(store.getState().draft).toMatchObject({
      handler: { type: 'inline' },
      async: false,
      order: 100,
    });
  });
});
