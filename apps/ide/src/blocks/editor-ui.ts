import type { InsertPosition } from '@whenthen/blocks';
import { createContext, useContext } from 'react';
import type { DropPlace } from './block-drag';
import type { SummaryContext } from './block-summary';

/** What the insert bar and the rows' "+" offer. */
export type InsertKind =
  'statement' | 'const' | 'let' | 'assign' | 'forEach' | 'while' | 'if' | 'return';

/** What rows need from the editor around them: actions, and what is highlighted or dragged. */
export type BlockEditorUi = {
  readOnly: boolean;
  /** A block to highlight (a step of a run). */
  highlightId: string | null;
  summary: SummaryContext;
  openParams: (blockId: string) => void;
  openInsert: (at: InsertPosition, kind: InsertKind) => void;
  jumpToCode: (blockId: string) => void;
  duplicate: (blockIds: string[]) => void;
  remove: (blockIds: string[]) => void;
  /** Replaces a raw block's text; returns why it was refused, or null. */
  replaceText: (blockId: string, text: string) => string | null;
  select: (blockId: string, modifiers: { toggle?: boolean; range?: boolean }) => void;
  drag: { dragged: string[]; indicator: DropPlace['indicator'] | null };
};

export const BlockEditorUiContext = createContext<BlockEditorUi | null>(null);

export function useBlockEditorUi(): BlockEditorUi {
  const ui = useContext(BlockEditorUiContext);
  if (!ui) throw new Error('useBlockEditorUi outside a BlockEditorUiContext');
  return ui;
}
