import type { BlockSpec } from './block-spec.js';

/**
 * Where a block goes: next to a block, or inside a container (`ROOT_ID` for the handler's body) at
 * `index` of slot `slot` (defaults: the first slot, at the end).
 */
export type InsertPosition =
  { before: string } | { after: string } | { inside: string; slot?: number; index?: number };

/** Sets (or, with `text: null`, removes) a parameter. `param` is a name or a path into object fields (`values.sales`). */
export interface SetParamEdit {
  type: 'setParam';
  blockId: string;
  /** For parameters of a slot: the `else if` test, the `catch` binding, a `case` test. */
  slot?: number;
  param: string;
  /** Source text: an expression, or a name for `name` parameters; comments take their words. */
  text: string | null;
}

export interface InsertBlockEdit {
  type: 'insertBlock';
  at: InsertPosition;
  spec: BlockSpec;
}

export interface DeleteBlockEdit {
  type: 'deleteBlock';
  blockId: string;
}

/** Moves a block with its leading comments. */
export interface MoveBlockEdit {
  type: 'moveBlock';
  blockId: string;
  to: InsertPosition;
}

/** Wraps side-by-side blocks (all those from the first to the last given) in `if (test) { … }`. */
export interface WrapInIfEdit {
  type: 'wrapInIf';
  blockIds: string[];
  test: string;
}

/** Replaces a block's statement text (typically a raw block edited as text); empty text deletes it. */
export interface ReplaceRawEdit {
  type: 'replaceRaw';
  blockId: string;
  text: string;
}

/** A change record: the block editor, the code view and undo all speak in these. */
export type BlockEdit =
  SetParamEdit | InsertBlockEdit | DeleteBlockEdit | MoveBlockEdit | WrapInIfEdit | ReplaceRawEdit;
