import { create } from 'zustand';

/** Whether the "new service" dialog is open (the tree's "+" menu opens it). */
export const useNewServiceStore = create<{ isOpen: boolean; open: () => void; close: () => void }>(
  (set) => ({
    isOpen: false,
    open: () => set({ isOpen: true }),
    close: () => set({ isOpen: false }),
  }),
);
