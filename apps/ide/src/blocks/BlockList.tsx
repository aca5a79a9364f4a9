import { ROOT_ID } from '@whenthen/blocks';
import { Empty } from 'antd';
import { useRef, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useT } from '../i18n';
import { useBlockEditor, useBlockEditorStore } from './block-editor-store';
import { BlockRows } from './BlockRow';
import { BLOCKS_MIME, copyBlocks, rememberCopy, specsToPaste } from './clipboard';
import { indexBlocks, topmostSelected } from './doc-tree';
import { neighbour } from './editor-state';
import { useBlockEditorUi } from './editor-ui';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * The rows of the handler, focusable as one list: Ctrl/Cmd+C/X/V copy, cut and paste blocks
 * (pasted code becomes blocks), Ctrl/Cmd+D duplicates, Ctrl/Cmd+Z/Y undo and redo, Delete removes,
 * Enter adds a statement below, arrows move the selection (Shift extends it, Alt moves the block).
 */
export function BlockList({
  onContainer,
}: {
  onContainer: (element: HTMLDivElement | null) => void;
}) {
  const t = useT();
  const store = useBlockEditorStore();
  const ui = useBlockEditorUi();
  const blocks = useBlockEditor((s) => s.doc.blocks);
  const code = useBlockEditor((s) => s.doc.code);
  const listRef = useRef<HTMLDivElement | null>(null);

  const selected = () => {
    const state = store.getState();
    return topmostSelected(state.doc, state.selection);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (isTyping(event.target) || ui.readOnly) return;
    const state = store.getState();
    const { apply } = state;
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    const handled = () => {
      event.preventDefault();
      event.stopPropagation();
    };
    if (mod && key === 'z' && !event.shiftKey) {
      handled();
      apply({ type: 'undo' });
    } else if (mod && (key === 'y' || (key === 'z' && event.shiftKey))) {
      handled();
      apply({ type: 'redo' });
    } else if (mod && key === 'd') {
      handled();
      ui.duplicate(selected());
    } else if (mod && key === 'a') {
      handled();
      apply({ type: 'select', ids: state.doc.blocks.map((b) => b.id) });
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      handled();
      ui.remove(selected());
    } else if (event.key === 'Enter') {
      handled();
      const at = state.anchor ? { after: state.anchor } : { inside: ROOT_ID };
      ui.openInsert(at, 'statement');
    } else if (event.key === 'Escape') {
      apply({ type: 'select', ids: [] });
    } else if (
      (event.key === 'ArrowDown' || event.key === 'ArrowUp') &&
      event.altKey &&
      state.anchor
    ) {
      handled();
      const place = indexBlocks(state.doc).get(state.anchor);
      if (!place) return;
      const down = event.key === 'ArrowDown';
      const sibling = place.siblings[place.index + (down ? 1 : -1)];
      if (sibling) {
        apply({
          type: 'edit',
          edits: [
            {
              type: 'moveBlock',
              blockId: state.anchor,
              to: down ? { after: sibling.id } : { before: sibling.id },
            },
          ],
        });
      }
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      handled();
      const next = neighbour(state, event.key === 'ArrowDown' ? 1 : -1);
      if (!next) return;
      if (event.shiftKey && state.anchor) {
        const ids = state.selection.includes(next) ? state.selection : [...state.selection, next];
        apply({ type: 'select', ids, anchor: next });
      } else ui.select(next, {});
      listRef.current
        ?.querySelector(`[data-block-id="${next}"]`)
        ?.scrollIntoView({ block: 'nearest' });
    }
  };

  const onCopy = (event: ClipboardEvent<HTMLDivElement>, cut: boolean) => {
    if (isTyping(event.target)) return;
    const ids = selected();
    if (ids.length === 0) return;
    event.preventDefault();
    const content = copyBlocks(store.getState().doc, ids);
    rememberCopy(content);
    event.clipboardData.setData('text/plain', content.text);
    event.clipboardData.setData(BLOCKS_MIME, JSON.stringify(content.specs));
    if (cut && !ui.readOnly) ui.remove(ids);
  };

  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    if (isTyping(event.target) || ui.readOnly) return;
    const specs = specsToPaste({
      blocks: event.clipboardData.getData(BLOCKS_MIME),
      text: event.clipboardData.getData('text/plain'),
    });
    if (specs.length === 0) return;
    event.preventDefault();
    const state = store.getState();
    const last = selected().at(-1) ?? state.anchor;
    state.apply({ type: 'insert', at: last ? { after: last } : { inside: ROOT_ID }, specs });
  };

  return (
    <div
      className="block-list"
      data-testid="block-list"
      tabIndex={0}
      ref={(element) => {
        listRef.current = element;
        onContainer(element);
      }}
      onKeyDown={onKeyDown}
      onCopy={(e) => onCopy(e, false)}
      onCut={(e) => onCopy(e, true)}
      onPaste={onPaste}
      onMouseDown={(event) => {
        // Clicking a row focuses the list (for the shortcuts) without stealing focus from inputs.
        if (!isTyping(event.target)) listRef.current?.focus({ preventScroll: true });
      }}
    >
      {blocks.length === 0 ? (
        <div
          className="block-list-empty"
          data-slot-drop
          data-parent-id={ROOT_ID}
          data-slot={0}
          data-testid="block-list-empty"
        >
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('blocks.list.empty')} />
        </div>
      ) : (
        <BlockRows blocks={blocks} depth={0} code={code} />
      )}
    </div>
  );
}
