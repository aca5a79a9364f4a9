import { create } from 'zustand';

const STORAGE_KEY = 'whenthen.actingUser';

function saved(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

type ActingUserState = {
  /** The user the inbox acts as ("act as"): a developer tries the flow as each approver in turn. */
  user: string | null;
  setUser: (user: string) => void;
  /** Bumped after every submit or action, so lists and counters read the instances again. */
  version: number;
  changed: () => void;
};

export const useActingUser = create<ActingUserState>((set) => ({
  user: saved(),
  setUser: (user) => {
    try {
      localStorage.setItem(STORAGE_KEY, user);
    } catch {
      // not remembered, still switched
    }
    set({ user });
  },
  version: 0,
  changed: () => set((s) => ({ version: s.version + 1 })),
}));
