import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  initialBlockEditorState,
  reduceBlockEditor,
  type BlockEditorChange,
  type BlockEditorState,
} from './editor-state';

export type BlockEditorStoreState = BlockEditorState & {
  apply: (change: BlockEditorChange) => void;
};
export type BlockEditorStore = StoreApi<BlockEditorStoreState>;

/** A store per block editor (one per event page), so two open events never share a selection or history. */
export function createBlockEditorStore(code: string): BlockEditorStore {
  return createStore<BlockEditorStoreState>((set) => ({
    ...initialBlockEditorState(code),
    apply: (change) => set((state) => reduceBlockEditor(state, change)),
  }));
}

export const BlockEditorContext = createContext<BlockEditorStore | null>(null);

/** Reads the block editor's store of the surrounding `BlockEditorContext`. */
export function useBlockEditor<T>(selector: (state: BlockEditorStoreState) => T): T {
  const store = useContext(BlockEditorContext);
  if (!store) throw new Error('useBlockEditor outside a BlockEditorContext');
  return useStore(store, selector);
}

export function useBlockEditorStore(): BlockEditorStore {
  const store = useContext(BlockEditorContext);
  if (!store) throw new Error('useBlockEditorStore outside a BlockEditorContext');
  return store;
}
