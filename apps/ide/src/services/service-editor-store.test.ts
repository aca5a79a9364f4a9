import { describe, expect, it } from 'vitest';
import type { ElementDocument } from '../api/types';
import {
  createServiceEditorStore,
  freeName,
  isDirty,
  reduce,
  type ServiceEditorChange,
  type ServiceEditorState,
} from './service-editor-store';

const doc: ElementDocument = {
  name: 'services.Billing',
  version: 'v1',
  code: 'export async function charge(args, app) {\n  return 1;\n}\n',
  definition: {
    type: 'service',
    title: 'Billing',
    functions: [{ name: 'charge', params: [{ name: 'orderId', type: 'integer' }] }],
    eventDescs: [{ name: 'paid', title: 'Paid' }],
  },
};

function run(...changes: ServiceEditorChange[]): ServiceEditorState {
  const store = createServiceEditorStore();
  for (const change of [{ type: 'loaded', doc } as const, ...changes])
    store.getState().apply(change);
  return store.getState();
}

describe('the service editor', () => {
  it('is clean when loaded and dirty after an edit', () => {
    expect(isDirty(run())).toBe(false);
    expect(isDirty(run({ type: 'title', title: 'Payments' }))).toBe(true);
    expect(isDirty(run({ type: 'code', code: '' }))).toBe(true);
  });

  it('adds functions, parameters and events under free names', () => {
    const state = run(
      { type: 'addFunction' },
      { type: 'addFunction' },
      { type: 'addParam', fn: 0 },
      { type: 'updateParam', fn: 0, index: 1, patch: { type: 'json' } },
      { type: 'addEventDesc' },
      { type: 'updateEventDesc', index: 1, patch: { name: 'refunded', desc: 'Money went back' } },
    );
    expect(state.draft!.functions.map((f) => f.name)).toEqual([
      'charge',
      'newFunction',
      'newFunction2',
    ]);
    expect(state.draft!.functions[0]!.params).toEqual([
      { name: 'orderId', type: 'integer' },
      { name: 'param', type: 'json' },
    ]);
    expect(state.draft!.eventDescs.map((e) => [e.name, e.desc])).toEqual([
      ['paid', ''],
      ['refunded', 'Money went back'],
    ]);
  });

  it('removes rows, and forgets a failed save’s messages since the rows moved', () => {
    const failed = run({
      type: 'saveFailed',
      errors: { 'functions.0.name': ['bad'] },
      inUse: 'events.X uses it',
    });
    expect(failed.inUse).toBe('events.X uses it');
    const next = reduce(failed, { type: 'removeFunction', index: 0 });
    expect(next.draft!.functions).toEqual([]);
    expect(next.serverErrors).toEqual({});
    expect(next.inUse).toBeNull();
    expect(reduce(next, { type: 'removeEventDesc', index: 0 }).draft!.eventDescs).toEqual([]);
  });

  it('appends stubs for declared functions the code lacks', () => {
    const state = run({ type: 'addFunction' }, { type: 'addStubs' });
    expect(state.code).toContain('export async function charge(args, app) {\n  return 1;\n}');
    expect(state.code).toContain('export async function newFunction(args: {}, app: App) {');
  });

  it('names freely', () => {
    expect(freeName('param', ['param', 'param2'])).toBe('param3');
  });
});
