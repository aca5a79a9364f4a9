import { createStore } from 'zustand/vanilla';
import type { ElementDocument } from '../api/types';
import type { EventDraft, FieldErrors } from '../kinds/types';

/** One event page's editing state: what the server has, what the developer changed, and why a save failed. */
export type EventEditorState = {
  doc: ElementDocument | null;
  saved: { draft: EventDraft; code: string } | null;
  draft: EventDraft | null;
  code: string;
  serverErrors: FieldErrors;
  stale: boolean;
};

/** Typed changes, applied by the pure `reduce` below. */
export type EventEditorChange =
  | { type: 'loaded'; doc: ElementDocument }
  | { type: 'edit'; patch: Partial<EventDraft> }
  | { type: 'code'; code: string }
  | { type: 'saveFailed'; errors: FieldErrors; stale?: boolean }
  | { type: 'switched'; enabled: boolean; version?: string };

/** Fills the keys every event has, so the form always has a value to show. */
export function draftOf(definition: Record<string, unknown>): EventDraft {
  return {
    handler: { type: 'inline' },
    async: false,
    order: 100,
    enabled: false,
    ...definition,
    type: 'event',
    kind: String(definition.kind ?? ''),
  } as EventDraft;
}

export function reduce(state: EventEditorState, change: EventEditorChange): EventEditorState {
  switch (change.type) {
    case 'loaded': {
      const draft = draftOf(change.doc.definition);
      const code = change.doc.code ?? '';
      return {
        doc: change.doc,
        saved: { draft, code },
        draft,
        code,
        serverErrors: {},
        stale: false,
      };
    }
    case 'edit':
      return state.draft
        ? { ...state, draft: { ...state.draft, ...change.patch }, serverErrors: {} }
        : state;
    case 'code':
      return { ...state, code: change.code, serverErrors: { ...state.serverErrors, code: [] } };
    case 'saveFailed':
      return { ...state, serverErrors: change.errors, stale: change.stale ?? false };
    case 'switched': {
      // The switch applies at once on the server; it is not an unsaved change.
      if (!state.draft || !state.saved || !state.doc) return state;
      return {
        ...state,
        doc: {
          ...state.doc,
          version: change.version ?? state.doc.version,
          definition: { ...state.doc.definition, enabled: change.enabled },
        },
        saved: { ...state.saved, draft: { ...state.saved.draft, enabled: change.enabled } },
        draft: { ...state.draft, enabled: change.enabled },
      };
    }
  }
}

export function isDirty(state: EventEditorState): boolean {
  if (!state.saved || !state.draft) return false;
  return (
    state.code !== state.saved.code ||
    JSON.stringify(state.draft) !== JSON.stringify(state.saved.draft)
  );
}

export type EventEditorStore = ReturnType<typeof createEventEditorStore>;

/** A store per event page, so two open events never share edits. */
export function createEventEditorStore() {
  const store = createStore<EventEditorState & { apply: (change: EventEditorChange) => void }>(
    (set) => ({
      doc: null,
      saved: null,
      draft: null,
      code: '',
      serverErrors: {},
      stale: false,
      apply: (change) => set((state) => reduce(state, change)),
    }),
  );
  return store;
}
