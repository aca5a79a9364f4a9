import type { ApprovalNode, Condition } from '@whenthen/schema';
import { createStore } from 'zustand/vanilla';
import type { ElementDocument } from '../api/types';
import type { FieldErrors } from '../kinds/types';
import { changeModel, flowDraftOf, flowToSave, moveItem, type FlowDraft } from './flow-draft';

/** One flow page's editing state: what the server has, the draft, and why a save failed. */
export type FlowEditorState = {
  doc: ElementDocument | null;
  saved: FlowDraft | null;
  draft: FlowDraft | null;
  /** A stable key per node row, so rows keep their identity while ids are edited or rows move. */
  keys: string[];
  serverErrors: FieldErrors;
  stale: boolean;
};

/** Typed changes, applied by the pure `reduceFlow` below. */
export type FlowEditorChange =
  | { type: 'loaded'; doc: ElementDocument }
  | { type: 'title'; title: string }
  | { type: 'model'; model: string }
  | { type: 'condition'; condition: Condition | null }
  | { type: 'addNode'; node: ApprovalNode }
  | { type: 'updateNode'; index: number; patch: Partial<ApprovalNode> }
  | { type: 'removeNode'; index: number }
  | { type: 'moveNode'; from: number; to: number }
  | { type: 'saveFailed'; errors: FieldErrors; stale?: boolean };

let keyCounter = 0;
const newKey = () => `node${++keyCounter}`;

export const emptyFlowEditor = (): FlowEditorState => ({
  doc: null,
  saved: null,
  draft: null,
  keys: [],
  serverErrors: {},
  stale: false,
});

function edit(state: FlowEditorState, draft: FlowDraft, keys = state.keys): FlowEditorState {
  // Server messages name paths of the draft they were given; after an edit they may point elsewhere.
  return { ...state, draft, keys, serverErrors: {} };
}

export function reduceFlow(state: FlowEditorState, change: FlowEditorChange): FlowEditorState {
  if (change.type === 'loaded') {
    const draft = flowDraftOf(change.doc.definition);
    return {
      doc: change.doc,
      saved: draft,
      draft,
      keys: draft.nodes.map(newKey),
      serverErrors: {},
      stale: false,
    };
  }
  if (change.type === 'saveFailed')
    return { ...state, serverErrors: change.errors, stale: change.stale ?? false };
  const draft = state.draft;
  if (!draft) return state;
  switch (change.type) {
    case 'title':
      return edit(state, { ...draft, title: change.title });
    case 'model':
      return edit(state, changeModel(draft, change.model));
    case 'condition':
      return edit(state, { ...draft, condition: change.condition });
    case 'addNode':
      return edit(state, { ...draft, nodes: [...draft.nodes, change.node] }, [
        ...state.keys,
        newKey(),
      ]);
    case 'updateNode':
      return edit(state, {
        ...draft,
        nodes: draft.nodes.map((n, i) => (i === change.index ? { ...n, ...change.patch } : n)),
      });
    case 'removeNode':
      return edit(
        state,
        { ...draft, nodes: draft.nodes.filter((_, i) => i !== change.index) },
        state.keys.filter((_, i) => i !== change.index),
      );
    case 'moveNode':
      return edit(
        state,
        { ...draft, nodes: moveItem(draft.nodes, change.from, change.to) },
        moveItem(state.keys, change.from, change.to),
      );
  }
}

/** Whether the draft differs from what was loaded or last saved (as it would be written). */
export const isFlowDirty = (state: FlowEditorState): boolean =>
  !!state.draft &&
  !!state.saved &&
  JSON.stringify(flowToSave(state.draft)) !== JSON.stringify(flowToSave(state.saved));

/** A store per flow page (tabs stay mounted, so each open flow keeps its own draft). */
export function createFlowEditorStore() {
  return createStore<FlowEditorState & { apply: (change: FlowEditorChange) => void }>((set) => ({
    ...emptyFlowEditor(),
    apply: (change) => set((state) => reduceFlow(state, change)),
  }));
}
