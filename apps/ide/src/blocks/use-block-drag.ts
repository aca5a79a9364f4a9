import { useEffect, useRef } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { BlockEditorStore } from './block-editor-store';
import { createBlockDrag, moveEdits } from './block-drag';
import type { RowsState } from './editor-ui';

/** Drag to reorder on the rows inside `container`; the indicator goes to the rows store. */
export function useBlockDrag(
  store: BlockEditorStore,
  rows: StoreApi<RowsState>,
  container: HTMLElement | null,
  disabled: boolean,
): void {
  const live = useRef({ container, disabled });
  live.current = { container, disabled };
  const drag = useRef<ReturnType<typeof createBlockDrag> | null>(null);

  useEffect(() => {
    drag.current = createBlockDrag({
      getState: () => {
        const editor = store.getState();
        return { ...live.current, doc: editor.doc, selection: editor.selection };
      },
      onChange: (change) => {
        if (change.type === 'over') {
          rows.setState({ dragged: change.dragged, indicator: change.place?.indicator ?? null });
          return;
        }
        rows.setState({ dragged: [], indicator: null });
        if (change.type === 'drop') {
          store
            .getState()
            .apply({ type: 'edit', edits: moveEdits(change.dragged, change.place.at) });
          store.getState().apply({ type: 'select', ids: change.dragged });
        }
      },
    });
    return () => {
      drag.current?.destroy();
      drag.current = null;
    };
  }, [store, rows]);

  useEffect(() => drag.current?.update(), [container, disabled]);
}
