import { createStore } from 'zustand/vanilla';
import type { ElementDocument } from '../api/types';
import type { FieldErrors } from '../kinds/types';
import { withStubs } from './service-code';
import {
  serviceDraftOf,
  type EventDescDraft,
  type FunctionDraft,
  type ParamDraft,
  type ServiceDraft,
} from './service-draft';

/** One service page's editing state: what the server has, the edits, and why a save failed. */
export type ServiceEditorState = {
  doc: ElementDocument | null;
  saved: { draft: ServiceDraft; code: string } | null;
  draft: ServiceDraft | null;
  code: string;
  serverErrors: FieldErrors;
  /** A save refused because events still use what it removes or changes (409 IN_USE). */
  inUse: string | null;
  stale: boolean;
};

/** Typed changes, applied by the pure `reduce` below. */
export type ServiceEditorChange =
  | { type: 'loaded'; doc: ElementDocument }
  | { type: 'title'; title: string }
  | { type: 'addFunction' }
  | { type: 'updateFunction'; index: number; patch: Partial<Omit<FunctionDraft, 'params'>> }
  | { type: 'removeFunction'; index: number }
  | { type: 'addParam'; fn: number }
  | { type: 'updateParam'; fn: number; index: number; patch: Partial<ParamDraft> }
  | { type: 'removeParam'; fn: number; index: number }
  | { type: 'addEventDesc' }
  | { type: 'updateEventDesc'; index: number; patch: Partial<EventDescDraft> }
  | { type: 'removeEventDesc'; index: number }
  | { type: 'code'; code: string }
  /** Appends stubs for the declared functions service.ts does not export yet. */
  | { type: 'addStubs' }
  | { type: 'saveFailed'; errors: FieldErrors; inUse?: string | null; stale?: boolean };

/** `base`, `base2`, `base3` … whichever is free first. */
export function freeName(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) if (!taken.includes(`${base}${n}`)) return `${base}${n}`;
}

const replaceAt = <T>(list: readonly T[], index: number, item: T): T[] =>
  list.map((x, i) => (i === index ? item : x));
const removeAt = <T>(list: readonly T[], index: number): T[] => list.filter((_, i) => i !== index);

function editDraft(draft: ServiceDraft, change: ServiceEditorChange): ServiceDraft {
  const fns = draft.functions;
  switch (change.type) {
    case 'title':
      return { ...draft, title: change.title };
    case 'addFunction': {
      const name = freeName(
        'newFunction',
        fns.map((f) => f.name),
      );
      return { ...draft, functions: [...fns, { name, title: '', params: [], returns: 'json' }] };
    }
    case 'updateFunction': {
      const fn = fns[change.index];
      return fn
        ? { ...draft, functions: replaceAt(fns, change.index, { ...fn, ...change.patch }) }
        : draft;
    }
    case 'removeFunction':
      return { ...draft, functions: removeAt(fns, change.index) };
    case 'addParam': {
      const fn = fns[change.fn];
      if (!fn) return draft;
      const name = freeName(
        'param',
        fn.params.map((p) => p.name),
      );
      const params = [...fn.params, { name, type: 'text' }];
      return { ...draft, functions: replaceAt(fns, change.fn, { ...fn, params }) };
    }
    case 'updateParam': {
      const fn = fns[change.fn];
      const param = fn?.params[change.index];
      if (!fn || !param) return draft;
      const params = replaceAt(fn.params, change.index, { ...param, ...change.patch });
      return { ...draft, functions: replaceAt(fns, change.fn, { ...fn, params }) };
    }
    case 'removeParam': {
      const fn = fns[change.fn];
      if (!fn) return draft;
      const params = removeAt(fn.params, change.index);
      return { ...draft, functions: replaceAt(fns, change.fn, { ...fn, params }) };
    }
    case 'addEventDesc': {
      const name = freeName(
        'newEvent',
        draft.eventDescs.map((e) => e.name),
      );
      return { ...draft, eventDescs: [...draft.eventDescs, { name, title: '', desc: '' }] };
    }
    case 'updateEventDesc': {
      const desc = draft.eventDescs[change.index];
      return desc
        ? {
            ...draft,
            eventDescs: replaceAt(draft.eventDescs, change.index, { ...desc, ...change.patch }),
          }
        : draft;
    }
    case 'removeEventDesc':
      return { ...draft, eventDescs: removeAt(draft.eventDescs, change.index) };
    default:
      return draft;
  }
}

export function reduce(state: ServiceEditorState, change: ServiceEditorChange): ServiceEditorState {
  switch (change.type) {
    case 'loaded': {
      const draft = serviceDraftOf(change.doc.definition);
      const code = change.doc.code ?? '';
      return {
        doc: change.doc,
        saved: { draft, code },
        draft,
        code,
        serverErrors: {},
        inUse: null,
        stale: false,
      };
    }
    case 'code':
      return { ...state, code: change.code, serverErrors: { ...state.serverErrors, code: [] } };
    case 'addStubs':
      return state.draft ? { ...state, code: withStubs(state.code, state.draft.functions) } : state;
    case 'saveFailed':
      return {
        ...state,
        serverErrors: change.errors,
        inUse: change.inUse ?? null,
        stale: change.stale ?? false,
      };
    default:
      // Indexes shift when rows go, so a failed save's messages would point at the wrong rows.
      return state.draft
        ? { ...state, draft: editDraft(state.draft, change), serverErrors: {}, inUse: null }
        : state;
  }
}

export function isDirty(state: ServiceEditorState): boolean {
  if (!state.saved || !state.draft) return false;
  return (
    state.code !== state.saved.code ||
    JSON.stringify(state.draft) !== JSON.stringify(state.saved.draft)
  );
}

/** A store per service page, so two open services never share edits. */
export function createServiceEditorStore() {
  return createStore<ServiceEditorState & { apply: (change: ServiceEditorChange) => void }>(
    (set) => ({
      doc: null,
      saved: null,
      draft: null,
      code: '',
      serverErrors: {},
      inUse: null,
      stale: false,
      apply: (change) => set((state) => reduce(state, change)),
    }),
  );
}
