import {
  applyEdit,
  BlockEditError,
  parseBlocks,
  type BlockDocument,
  type BlockEdit,
  type BlockSpec,
  type InsertPosition,
} from '@whenthen/blocks';
import { flatIds, indexBlocks } from './doc-tree';

/**
 * One block editor's state. The handler text is owned by the event page (it is what Save sends);
 * `code` mirrors it, and `doc` is the block view of `doc.code`, which lags behind `code` while the
 * developer types in the code view (it is parsed again once typing stops).
 */
export type BlockEditorState = {
  code: string;
  doc: BlockDocument;
  /** Earlier and undone versions of the code, for undo and redo. */
  past: string[];
  future: string[];
  /** The last version recorded in the history; typing since then becomes one step at the next parse. */
  recorded: string;
  /** Selected block ids; `anchor` is where a shift-click range starts and keyboard moves go from. */
  selection: string[];
  anchor: string | null;
  /** Why the last block edit was refused (the code was left as it was). */
  editError: string | null;
  /** Blocks the last edit created, outermost first (to select them or open their parameters). */
  created: string[];
};

/** Typed changes; `reduceBlockEditor` applies them. */
export type BlockEditorChange =
  /** The handler was (re)loaded: history starts again unless the text is the same. */
  | { type: 'loaded'; code: string }
  /** The text changed outside the block editor (the code view); parsed later. */
  | { type: 'typed'; code: string }
  /** Parse the current text now. */
  | { type: 'parse' }
  /** Block edits made as one undoable step, each applied to the result of the one before. */
  | { type: 'edit'; edits: BlockEdit[] }
  /** Inserts blocks one after the other, starting at `at`, and selects them. */
  | { type: 'insert'; at: InsertPosition; specs: BlockSpec[] }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'select'; ids: string[]; anchor?: string | null }
  | { type: 'dismissError' };

const HISTORY_LIMIT = 200;

export function initialBlockEditorState(code: string): BlockEditorState {
  return {
    code,
    doc: parseBlocks(code),
    past: [],
    future: [],
    recorded: code,
    selection: [],
    anchor: null,
    editError: null,
    created: [],
  };
}

/** Whether the block view shows the current text (false while a parse is due). */
export const isParsed = (state: BlockEditorState): boolean => state.doc.code === state.code;

export function reduceBlockEditor(
  state: BlockEditorState,
  change: BlockEditorChange,
): BlockEditorState {
  switch (change.type) {
    case 'loaded':
      if (change.code === state.code) return state;
      return initialBlockEditorState(change.code);
    case 'typed':
      if (change.code === state.code) return state;
      return { ...state, code: change.code, editError: null };
    case 'parse':
      return record(parsed(state));
    case 'edit':
      return edit(state, (doc) => {
        let current = { code: doc.code, doc, created: [] as string[] };
        for (const one of change.edits) {
          const result = applyEdit(current.code, current.doc, one);
          current = { ...result, created: [...current.created, ...result.created] };
        }
        return current;
      });
    case 'insert':
      return edit(
        state,
        (doc) => {
          let current = { code: doc.code, doc, created: [] as string[] };
          let at = change.at;
          const outer: string[] = [];
          for (const spec of change.specs) {
            const result = applyEdit(current.code, current.doc, {
              type: 'insertBlock',
              at,
              spec,
            });
            const top = result.created[0];
            if (top) {
              outer.push(top);
              at = { after: top };
            }
            current = { ...result, created: [...current.created, ...result.created] };
          }
          return { ...current, created: outer };
        },
        true,
      );
    case 'undo':
    case 'redo': {
      const from = record(parsed(state));
      const stack = change.type === 'undo' ? from.past : from.future;
      const target = stack[stack.length - 1];
      if (target === undefined) return from;
      const rest = stack.slice(0, -1);
      const doc = parseBlocks(target, { previous: from.doc });
      const moved = {
        ...from,
        code: target,
        doc,
        recorded: target,
        editError: null,
        created: [],
      };
      return prune(
        change.type === 'undo'
          ? { ...moved, past: rest, future: [...from.future, from.code] }
          : { ...moved, future: rest, past: [...from.past, from.code] },
      );
    }
    case 'select':
      return {
        ...state,
        selection: change.ids,
        anchor:
          change.anchor === undefined ? (change.ids[change.ids.length - 1] ?? null) : change.anchor,
      };
    case 'dismissError':
      return state.editError ? { ...state, editError: null } : state;
  }
}

/** The state with `doc` parsed from the current text (ids carried over from the last parse). */
function parsed(state: BlockEditorState): BlockEditorState {
  if (isParsed(state)) return state;
  return prune({ ...state, doc: parseBlocks(state.code, { previous: state.doc }) });
}

/** Typing since the last recorded version becomes one undo step. */
function record(state: BlockEditorState): BlockEditorState {
  if (state.recorded === state.code) return state;
  return {
    ...state,
    past: [...state.past, state.recorded].slice(-HISTORY_LIMIT),
    future: [],
    recorded: state.code,
  };
}

function edit(
  state: BlockEditorState,
  run: (doc: BlockDocument) => { code: string; doc: BlockDocument; created: string[] },
  selectCreated = false,
): BlockEditorState {
  const ready = record(parsed(state));
  let result: { code: string; doc: BlockDocument; created: string[] };
  try {
    result = run(ready.doc);
  } catch (error) {
    const message = error instanceof BlockEditError ? error.message : (error as Error).message;
    return { ...ready, editError: message };
  }
  if (result.code === ready.code) return { ...ready, editError: null, created: result.created };
  const next: BlockEditorState = {
    ...ready,
    code: result.code,
    doc: result.doc,
    past: [...ready.past, ready.code].slice(-HISTORY_LIMIT),
    future: [],
    recorded: result.code,
    editError: null,
    created: result.created,
  };
  if (selectCreated && result.created.length > 0) {
    return { ...next, selection: result.created, anchor: result.created.at(-1) ?? null };
  }
  return prune(next);
}

/** Drops selected ids that no longer exist. */
function prune(state: BlockEditorState): BlockEditorState {
  if (state.selection.length === 0) return state;
  const places = indexBlocks(state.doc);
  const selection = state.selection.filter((id) => places.has(id));
  if (selection.length === state.selection.length) return state;
  const anchor =
    state.anchor && places.has(state.anchor) ? state.anchor : (selection.at(-1) ?? null);
  return { ...state, selection, anchor };
}

/**
 * The selection after a click on `id`: alone, toggled (Ctrl/Cmd), or the range from the anchor in
 * document order (Shift).
 */
export function clickSelection(
  state: Pick<BlockEditorState, 'doc' | 'selection' | 'anchor'>,
  id: string,
  modifiers: { toggle?: boolean; range?: boolean },
): { ids: string[]; anchor: string | null } {
  if (modifiers.range && state.anchor) {
    const order = flatIds(state.doc);
    const from = order.indexOf(state.anchor);
    const to = order.indexOf(id);
    if (from !== -1 && to !== -1) {
      const [low, high] = from < to ? [from, to] : [to, from];
      return { ids: order.slice(low, high + 1), anchor: state.anchor };
    }
  }
  if (modifiers.toggle) {
    const on = state.selection.includes(id);
    return {
      ids: on ? state.selection.filter((one) => one !== id) : [...state.selection, id],
      anchor: id,
    };
  }
  return { ids: [id], anchor: id };
}

/** The block above or below the anchor in document order (arrow keys). */
export function neighbour(
  state: Pick<BlockEditorState, 'doc' | 'anchor'>,
  step: 1 | -1,
): string | null {
  const order = flatIds(state.doc);
  if (order.length === 0) return null;
  const at = state.anchor ? order.indexOf(state.anchor) : -1;
  if (at === -1) return step === 1 ? (order[0] ?? null) : (order.at(-1) ?? null);
  return order[Math.max(0, Math.min(order.length - 1, at + step))] ?? null;
}
