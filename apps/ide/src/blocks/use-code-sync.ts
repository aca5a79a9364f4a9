import { useEffect, useMemo } from 'react';
import type { EventEditorStore } from '../events/event-editor-store';
import type { BlockEditorStore } from './block-editor-store';
import { createCodeSync } from './code-sync';

/**
 * Connects the event page's handler text and a block editor for as long as the component lives;
 * returns `flush` (parse now if a parse is due).
 */
export function useCodeSync(handler: EventEditorStore, blocks: BlockEditorStore): () => void {
  const sync = useMemo(
    () =>
      createCodeSync({
        getState: () => {
          const editor = blocks.getState();
          return {
            handlerCode: handler.getState().code,
            editorCode: editor.code,
            parsedCode: editor.doc.code,
          };
        },
        onChange: (change) => {
          if (change.to === 'blocks') blocks.getState().apply(change.change);
          else handler.getState().apply({ type: 'code', code: change.code });
        },
      }),
    [handler, blocks],
  );
  useEffect(() => {
    const stopHandler = handler.subscribe(sync.update);
    const stopBlocks = blocks.subscribe(sync.update);
    sync.update();
    return () => {
      stopHandler();
      stopBlocks();
      sync.destroy();
    };
  }, [handler, blocks, sync]);
  return sync.flush;
}
