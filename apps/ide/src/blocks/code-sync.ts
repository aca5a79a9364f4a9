import type { BlockEditorChange } from './editor-state';

/** What the sync compares: the handler text (the source of truth) and the block editor's view of it. */
export type CodeSyncState = {
  /** The handler text as the event page holds it (what Save sends; the code view edits it). */
  handlerCode: string;
  /** The block editor's copy of the text (block edits change it). */
  editorCode: string;
  /** The text the blocks were last parsed from. */
  parsedCode: string;
};

export type CodeSyncChange =
  /** To the block editor: the text changed in the code view. */
  | { to: 'blocks'; change: BlockEditorChange }
  /** To the event page: a block edit changed the text. */
  | { to: 'handler'; code: string };

/** How long typing must pause before the blocks are parsed again (the sync promise is 300 ms). */
export const PARSE_DELAY_MS = 150;

/**
 * Keeps the handler text and the block view in step, both ways: a block edit is written to the
 * handler at once; typing in the code view is copied to the block editor at once and parsed into
 * blocks once typing has paused for `delay` ms. Call `update()` whenever either side changes.
 */
export function createCodeSync({
  getState,
  onChange,
  delay = PARSE_DELAY_MS,
}: {
  getState: () => CodeSyncState;
  onChange: (change: CodeSyncChange) => void;
  delay?: number;
}) {
  let seen = getState();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const schedule = () => {
    const state = getState();
    if (state.editorCode === state.parsedCode) return cancel();
    cancel();
    timer = setTimeout(() => {
      timer = null;
      onChange({ to: 'blocks', change: { type: 'parse' } });
    }, delay);
  };

  const update = () => {
    const state = getState();
    if (state.handlerCode !== seen.handlerCode) {
      // The code view (or a reload) changed the text: it wins over the block editor's copy.
      seen = state;
      if (state.handlerCode !== state.editorCode) {
        onChange({ to: 'blocks', change: { type: 'typed', code: state.handlerCode } });
        seen = getState();
        schedule();
      }
      return;
    }
    if (state.editorCode !== seen.editorCode) {
      seen = state;
      if (state.editorCode !== state.handlerCode)
        onChange({ to: 'handler', code: state.editorCode });
      seen = getState();
    }
    if (timer === null && state.editorCode !== state.parsedCode) schedule();
    if (state.editorCode === state.parsedCode) cancel();
  };

  /** Parses at once if a parse is due (before a block edit, a save or a switch of view). */
  const flush = () => {
    if (timer === null) return;
    cancel();
    onChange({ to: 'blocks', change: { type: 'parse' } });
  };

  return { update, flush, destroy: cancel };
}
