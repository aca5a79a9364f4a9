import type { InsertPosition } from '@whenthen/blocks';
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DropPlace } from './block-drag';
import type { SummaryContext } from './block-summary';

/** What the insert bar and the rows' "+" offer. */
export type InsertKind =
  'statement' | 'const' | 'let' | 'assign' | 'forEach' | 'while' | 'if' | 'return';

/**
 * What changes while the pointer moves over the rows: kept in a store of its own so that a row
 * re-renders only when its own part changes (a handler can have a thousand rows).
 */
export type RowsState = {
  hovered: string | null;
  dragged: readonly string[];
  indicator: DropPlace['indicator'] | null;
  /** A block to highlight (the selected step of a run). */
  highlightId: string | null;
};

export const createRowsStore = (highlightId: string | null = null): StoreApi<RowsState> =>
  createStore<RowsState>(() => ({ hovered: null, dragged: [], indicator: null, highlightId }));

/** What rows need from the editor around them; stable for the editor's life. */
export type BlockEditorUi = {
  readOnly: boolean;
  summary: SummaryContext;
  rows: StoreApi<RowsState>;
  openParams: (blockId: string) => void;
  openInsert: (at: InsertPosition, kind: InsertKind) => void;
  jumpToCode: (blockId: string) => void;
  duplicate: (blockIds: string[]) => void;
  remove: (blockIds: string[]) => void;
  /** Replaces a raw block's text; returns why it was refused, or null. */
  replaceText: (blockId: string, text: string) => string | null;
  select: (blockId: string, modifiers: { toggle?: boolean; range?: boolean }) => void;
};

export const BlockEditorUiContext = createContext<BlockEditorUi | null>(null);

export function useBlockEditorUi(): BlockEditorUi {
  const ui = useContext(BlockEditorUiContext);
  if (!ui) throw new Error('useBlockEditorUi outside a BlockEditorUiContext');
  return ui;
}

/** A row's part of the rows state. */
export function useRows<T>(selector: (state: RowsState) => T): T {
  return useStore(useBlockEditorUi().rows, selector);
}
