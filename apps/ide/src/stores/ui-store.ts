import { create } from 'zustand';

type UiState = {
  /** The kind whose "new event" dialog is open, or null. */
  newEventKind: string | null;
  openNewEvent: (kind: string) => void;
  closeNewEvent: () => void;
};

export const useUiStore = create<UiState>((set) => ({
  newEventKind: null,
  openNewEvent: (kind) => set({ newEventKind: kind }),
  closeNewEvent: () => set({ newEventKind: null }),
}));
