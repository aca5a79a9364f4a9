import { useEffect, useRef, useState } from 'react';
import type { BlockEditorStore } from './block-editor-store';
import { createBlockDrag, moveEdits, type DropPlace } from './block-drag';

/** Drag to reorder on the rows inside `container`; returns where the indicator is while dragging. */
export function useBlockDrag(
  store: BlockEditorStore,
  container: HTMLElement | null,
  disabled: boolean,
): { dragged: string[]; place: DropPlace | null } {
  const [state, setState] = useState<{ dragged: string[]; place: DropPlace | null }>({
    dragged: [],
    place: null,
  });
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
        if (change.type === 'over') setState({ dragged: change.dragged, place: change.place });
        else {
          setState({ dragged: [], place: null });
          if (change.type === 'drop') {
            store
              .getState()
              .apply({ type: 'edit', edits: moveEdits(change.dragged, change.place.at) });
            store.getState().apply({ type: 'select', ids: change.dragged });
          }
        }
      },
    });
    return () => {
      drag.current?.destroy();
      drag.current = null;
    };
  }, [store]);

  useEffect(() => drag.current?.update(), [container, disabled]);
  return state;
}
