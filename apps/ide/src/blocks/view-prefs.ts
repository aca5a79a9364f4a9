import { create } from 'zustand';

export type HandlerView = 'visual' | 'code';

const STORAGE_KEY = 'whenthen.handlerView';

function initialView(): HandlerView {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'code' ? 'code' : 'visual';
  } catch {
    return 'visual';
  }
}

/** The event pages' visual/code switch; remembered, so a developer who prefers code keeps it. */
export const useHandlerView = create<{ view: HandlerView; setView: (view: HandlerView) => void }>(
  (set) => ({
    view: initialView(),
    setView: (view) => {
      try {
        localStorage.setItem(STORAGE_KEY, view);
      } catch {
        // not remembered, still switched
      }
      set({ view });
    },
  }),
);
